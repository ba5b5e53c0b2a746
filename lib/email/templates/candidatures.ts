import { greeting, renderLayout, type RenderedEmail } from './layout';

/**
 * The e-mails of an application's life: the structure is told of a new application, the
 * candidate of each answer or contact from staff, and of his account's deletion. None carries
 * the candidate's contact details nor the CV: the recipient signs in to read them.
 */

const SIGNATURE = { kind: 'paragraph', text: "Cordialement,\nL'équipe CMonAlternance" } as const;

export function nouvelleCandidatureEmail(input: {
  prenom?: string | null;
  metier: string;
  offreNumero: string;
  candidatureNumero: string;
  url: string;
}): RenderedEmail {
  const subject = `Nouvelle candidature à votre offre ${input.metier}`;
  const { html, text } = renderLayout({
    title: subject,
    preheader: `Candidature N°${input.candidatureNumero} — OFFRE ${input.offreNumero}`,
    blocks: [
      { kind: 'paragraph', text: greeting(input.prenom) },
      {
        kind: 'paragraph',
        text: `Un candidat vient de postuler à l'offre ${input.metier} (OFFRE ${input.offreNumero}) dont vous êtes le référent. Sa candidature N°${input.candidatureNumero} est « À traiter » dans votre tableau de bord.`,
      },
      { kind: 'button', label: 'Voir la candidature', url: input.url },
      { kind: 'note', text: 'Pour répondre à une candidature, vous devez impérativement passer par votre tableau de bord.' },
      SIGNATURE,
    ],
  });
  return { subject, html, text, template: 'candidature-nouvelle' };
}

export function reponseCandidatureEmail(input: {
  prenom?: string | null;
  metier: string;
  offreNumero: string;
  type: 'ENTRETIEN' | 'REFUS';
  message: string;
  structure: string;
  url: string;
}): RenderedEmail {
  const subject =
    input.type === 'ENTRETIEN'
      ? `Votre candidature ${input.metier} : entretien proposé`
      : `Votre candidature ${input.metier} : réponse de la structure`;
  const intro =
    input.type === 'ENTRETIEN'
      ? `${input.structure} a répondu à votre candidature à l'offre ${input.metier} (OFFRE ${input.offreNumero}) : la structure souhaite organiser un entretien ou obtenir plus d'informations.`
      : `${input.structure} a répondu à votre candidature à l'offre ${input.metier} (OFFRE ${input.offreNumero}) : votre candidature n'a pas été retenue.`;
  const { html, text } = renderLayout({
    title: subject,
    preheader: input.type === 'ENTRETIEN' ? 'Entretien proposé / Demande d’informations' : 'Candidature non retenue',
    blocks: [
      { kind: 'paragraph', text: greeting(input.prenom) },
      { kind: 'paragraph', text: intro },
      { kind: 'paragraph', text: `Son message :\n${input.message}` },
      { kind: 'button', label: 'Voir ma candidature', url: input.url },
      SIGNATURE,
    ],
  });
  return { subject, html, text, template: input.type === 'ENTRETIEN' ? 'candidature-entretien' : 'candidature-refus' };
}

export function contactProfilEmail(input: { prenom?: string | null; metier: string; projetNumero: string; structure: string; message: string; url: string }): RenderedEmail {
  const subject = `${input.structure} vous a écrit au sujet de votre projet ${input.metier}`;
  const { html, text } = renderLayout({
    title: subject,
    preheader: `PROJET ${input.projetNumero}`,
    blocks: [
      { kind: 'paragraph', text: greeting(input.prenom) },
      { kind: 'paragraph', text: `${input.structure} a consulté votre projet ${input.metier} (PROJET ${input.projetNumero}) et vous a écrit :\n${input.message}` },
      { kind: 'button', label: 'Lire le message', url: input.url },
      SIGNATURE,
    ],
  });
  return { subject, html, text, template: 'profil-contact' };
}

export function compteSupprimeEmail(input: { prenom?: string | null }): RenderedEmail {
  const subject = 'Votre compte CMonAlternance a été supprimé';
  const { html, text } = renderLayout({
    title: subject,
    preheader: 'Vos projets et votre CV ont été effacés.',
    blocks: [
      { kind: 'paragraph', text: greeting(input.prenom) },
      {
        kind: 'paragraph',
        text: "Comme vous l'avez demandé, votre compte candidat a été supprimé : vos projets et votre CV ont été effacés, et vos candidatures ne portent plus ni votre nom, ni vos coordonnées, ni votre CV.",
      },
      { kind: 'note', text: "Si vous n'êtes pas à l'origine de cette suppression, écrivez-nous sans attendre à equipe@cmonalternance-na.fr." },
      SIGNATURE,
    ],
  });
  return { subject, html, text, template: 'compte-supprime' };
}

/** Retention: an inactive candidate account will be anonymised on `le` unless he signs in. */
export function inactiviteAvertissementEmail(input: { prenom?: string | null; le: string; inactivite: string; url: string }): RenderedEmail {
  const subject = `Votre compte CMonAlternance sera anonymisé le ${input.le}`;
  const { html, text } = renderLayout({
    title: subject,
    preheader: 'Connectez-vous pour garder votre compte.',
    blocks: [
      { kind: 'paragraph', text: greeting(input.prenom) },
      {
        kind: 'paragraph',
        text: `Vous ne vous êtes pas connecté à CMonAlternance depuis ${input.inactivite}. Conformément à notre politique RGPD, votre compte candidat sera anonymisé le ${input.le} : vos projets et votre CV seront effacés, et vos candidatures ne porteront plus ni votre nom, ni vos coordonnées, ni votre CV.`,
      },
      { kind: 'paragraph', text: 'Pour garder votre compte, il vous suffit de vous connecter avant cette date.' },
      { kind: 'button', label: 'Me connecter', url: input.url },
      SIGNATURE,
    ],
  });
  return { subject, html, text, template: 'compte-inactivite-avertissement' };
}

/** Retention: the inactive candidate account has been anonymised (after the warning). */
export function compteAnonymiseInactiviteEmail(input: { prenom?: string | null }): RenderedEmail {
  const subject = 'Votre compte CMonAlternance a été supprimé';
  const { html, text } = renderLayout({
    title: subject,
    preheader: 'Compte inactif : vos projets et votre CV ont été effacés.',
    blocks: [
      { kind: 'paragraph', text: greeting(input.prenom) },
      {
        kind: 'paragraph',
        text: "Comme annoncé dans notre précédent e-mail, votre compte candidat, inactif, a été supprimé : vos projets et votre CV ont été effacés, et vos candidatures ne portent plus ni votre nom, ni vos coordonnées, ni votre CV. Vous pouvez créer un nouveau compte à tout moment.",
      },
      SIGNATURE,
    ],
  });
  return { subject, html, text, template: 'compte-inactivite-suppression' };
}
