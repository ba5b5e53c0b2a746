import { greeting, renderLayout, type EmailBlock, type RenderedEmail } from './layout';

/**
 * E-mails of « Utilisateurs de ma structure »: each change is sent to the member it concerns.
 * Every value is escaped by renderLayout; links are passed in full by the caller.
 */

export type MembreRole = 'GESTIONNAIRE' | 'UTILISATEUR';

const ROLE_TEXT: Record<MembreRole, string> = { GESTIONNAIRE: 'gestionnaire', UTILISATEUR: 'utilisateur' };

const SIGNATURE: EmailBlock = { kind: 'paragraph', text: "Cordialement,\nL'équipe CMonAlternance" };

function render(template: string, subject: string, preheader: string, blocks: EmailBlock[]): RenderedEmail {
  const { html, text } = renderLayout({ title: subject, preheader, blocks: [...blocks, SIGNATURE] });
  return { subject, html, text, template };
}

/** One line: subjects must not contain a line break, whatever the structure's name holds. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export const INVITATION_SUBJECT_PREFIX = 'Invitation à rejoindre';

/** Sent to an unknown e-mail: a single-use link valid 7 days to create an account in the structure. */
export function invitationEmail(input: {
  structure: string;
  role: MembreRole;
  inviteur: string;
  url: string;
  expiresLe: string;
}): RenderedEmail {
  const subject = `${INVITATION_SUBJECT_PREFIX} ${oneLine(input.structure)} sur CMonAlternance`;
  return render('membre-invitation', subject, `${input.inviteur} vous invite à rejoindre ${input.structure}.`, [
    { kind: 'paragraph', text: 'Bonjour,' },
    {
      kind: 'paragraph',
      text: `${input.inviteur} vous invite à rejoindre la structure « ${input.structure} » sur CMonAlternance en tant que ${ROLE_TEXT[input.role]}.`,
    },
    {
      kind: 'paragraph',
      text: "CMonAlternance permet aux acteurs de la formation et de l'insertion de publier des offres d'alternance pour leurs employeurs partenaires et d'accompagner les candidats.",
    },
    { kind: 'button', label: 'Créer mon compte et rejoindre la structure', url: input.url },
    { kind: 'note', text: `Ce lien est valable jusqu'au ${input.expiresLe} (7 jours) et ne peut être utilisé qu'une seule fois.` },
    { kind: 'note', text: "Si vous ne connaissez pas cette personne ou cette structure, vous pouvez ignorer cet e-mail : aucun compte ne sera créé." },
  ]);
}

export const MEMBRE_AJOUT_SUBJECT_PREFIX = 'Vous avez rejoint';

/** Sent to an existing acteur added at once to the structure. */
export function membreAjouteEmail(input: { prenom: string; structure: string; role: MembreRole; inviteur: string; url: string }): RenderedEmail {
  const subject = `${MEMBRE_AJOUT_SUBJECT_PREFIX} ${oneLine(input.structure)} sur CMonAlternance`;
  return render('membre-ajout', subject, `Vous êtes désormais ${ROLE_TEXT[input.role]} de ${input.structure}.`, [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `${input.inviteur} vous a ajouté(e) à la structure « ${input.structure} » sur CMonAlternance en tant que ${ROLE_TEXT[input.role]}.`,
    },
    { kind: 'paragraph', text: 'Vous pouvez dès maintenant travailler sur les offres, les profils et les candidatures de la structure.' },
    { kind: 'button', label: 'Accéder à mon espace', url: input.url },
    { kind: 'note', text: "Si vous pensez qu'il s'agit d'une erreur, contactez le gestionnaire de la structure ou écrivez à l'adresse d'assistance ci-dessous." },
  ]);
}

export const INVITATION_ANNULEE_SUBJECT = 'Votre invitation sur CMonAlternance a été annulée';

/** Sent to the invited e-mail when the gestionnaire cancels the invitation. */
export function invitationAnnuleeEmail(input: { structure: string }): RenderedEmail {
  return render('membre-invitation-annulee', INVITATION_ANNULEE_SUBJECT, "Le lien d'invitation n'est plus valable.", [
    { kind: 'paragraph', text: 'Bonjour,' },
    {
      kind: 'paragraph',
      text: `L'invitation à rejoindre la structure « ${input.structure} » sur CMonAlternance a été annulée par son gestionnaire. Le lien que vous avez reçu n'est plus valable.`,
    },
  ]);
}

export const BIENVENUE_MEMBRE_SUBJECT = 'Bienvenue sur CMonAlternance';

/** Sent to the new member once his account is created from an invitation. */
export function invitationAccepteeEmail(input: { prenom: string; structure: string; role: MembreRole; url: string }): RenderedEmail {
  return render('membre-invitation-acceptee', BIENVENUE_MEMBRE_SUBJECT, 'Votre compte est prêt.', [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `Votre compte sur CMonAlternance a bien été créé. Vous êtes ${ROLE_TEXT[input.role]} de la structure « ${input.structure} ».`,
    },
    { kind: 'button', label: 'Accéder à mon espace', url: input.url },
    { kind: 'note', text: "Si vous n'êtes pas à l'origine de cette inscription, veuillez nous en informer en écrivant à l'adresse d'assistance ci-dessous." },
  ]);
}

export const INVITATION_ACCEPTEE_AVIS_SUBJECT = 'Invitation acceptée sur CMonAlternance';

/** Sent to the gestionnaire who invited, when the invitation is accepted. */
export function invitationAccepteeAvisEmail(input: {
  prenom: string;
  membre: string;
  email: string;
  structure: string;
  role: MembreRole;
  url: string;
}): RenderedEmail {
  return render('membre-invitation-acceptee-avis', INVITATION_ACCEPTEE_AVIS_SUBJECT, `${input.membre} a rejoint votre structure.`, [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `${input.membre} (${input.email}) a accepté votre invitation et rejoint la structure « ${input.structure} » en tant que ${ROLE_TEXT[input.role]}.`,
    },
    { kind: 'button', label: 'Voir les utilisateurs de ma structure', url: input.url },
  ]);
}

export const MEMBRE_RETRAIT_SUBJECT = 'Vous ne faites plus partie de votre structure sur CMonAlternance';

/** Sent to the member removed from the structure. */
export function membreRetireEmail(input: { prenom: string; structure: string }): RenderedEmail {
  return render('membre-retrait', MEMBRE_RETRAIT_SUBJECT, `Vous avez été retiré(e) de ${input.structure}.`, [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `Un gestionnaire vous a retiré(e) de la structure « ${input.structure} » sur CMonAlternance. Vous n'avez plus accès à ses offres, ses profils et ses candidatures, et vous avez été déconnecté(e).`,
    },
    { kind: 'note', text: "Si vous pensez qu'il s'agit d'une erreur, contactez le gestionnaire de la structure ou écrivez à l'adresse d'assistance ci-dessous." },
  ]);
}

export const DROITS_RECUS_SUBJECT = 'Vous êtes maintenant gestionnaire de votre structure sur CMonAlternance';

/** Sent to the member who receives the gestionnaire's rights. */
export function droitsRecusEmail(input: { prenom: string; structure: string; ancien: string; url: string }): RenderedEmail {
  return render('membre-droits-recus', DROITS_RECUS_SUBJECT, `Vous êtes gestionnaire de ${input.structure}.`, [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `${input.ancien} vous a transféré ses droits : vous êtes maintenant gestionnaire de la structure « ${input.structure} » sur CMonAlternance.`,
    },
    { kind: 'paragraph', text: "En tant que gestionnaire, vous pouvez ajouter des collaborateurs de votre structure et transférer vos droits si nécessaire." },
    { kind: 'button', label: 'Voir les utilisateurs de ma structure', url: input.url },
  ]);
}

export const DROITS_TRANSFERES_SUBJECT = 'Vous avez transféré vos droits de gestionnaire sur CMonAlternance';

/** Sent to the former gestionnaire, now utilisateur. */
export function droitsTransferesEmail(input: { prenom: string; structure: string; nouveau: string }): RenderedEmail {
  return render('membre-droits-transferes', DROITS_TRANSFERES_SUBJECT, `${input.nouveau} est maintenant gestionnaire.`, [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `Vous avez transféré vos droits de gestionnaire de la structure « ${input.structure} » à ${input.nouveau}. Vous êtes maintenant utilisateur de la structure.`,
    },
    { kind: 'note', text: "Si vous n'êtes pas à l'origine de ce transfert, écrivez-nous à l'adresse d'assistance ci-dessous." },
  ]);
}
