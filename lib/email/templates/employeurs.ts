import { greeting, renderLayout, type EmailBlock, type RenderedEmail } from './layout';

/**
 * E-mails of « Suivi des employeurs »: a structure asks to add an employer (every admin is told),
 * the admin team validates or refuses it (every member of the structure is told).
 * Every value is escaped by renderLayout; links are passed in full by the caller.
 */

const SIGNATURE: EmailBlock = { kind: 'paragraph', text: "Cordialement,\nL'équipe CMonAlternance" };

function render(template: string, subject: string, preheader: string, blocks: EmailBlock[]): RenderedEmail {
  const { html, text } = renderLayout({ title: subject, preheader, blocks: [...blocks, SIGNATURE] });
  return { subject, html, text, template };
}

/** One line, and not too long: subjects never contain a line break, whatever a name holds. */
function oneLine(value: string, max = 120): string {
  const v = value.replace(/\s+/g, ' ').trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
}

function spacedSiret(siret: string): string {
  return siret.length === 14 ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

export const DEMANDE_EMPLOYEUR_SUBJECT_PREFIX = "Nouvelle demande d'ajout d'employeur";

/** To every active admin: a structure asks to add an employer; the warnings are listed. */
export function demandeEmployeurAdminEmail(input: {
  prenom: string;
  structure: string;
  demandeur: string;
  raisonSociale: string;
  siret: string;
  numero: string;
  ville: string | null;
  alertes: string[];
  url: string;
}): RenderedEmail {
  const subject = `${DEMANDE_EMPLOYEUR_SUBJECT_PREFIX} : ${oneLine(input.raisonSociale)}`;
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `${input.demandeur} (structure « ${input.structure} ») demande l'ajout de l'employeur « ${input.raisonSociale} »${input.ville ? ` (${input.ville})` : ''}, Siret ${spacedSiret(input.siret)}, numéro ${input.numero}.`,
    },
    input.alertes.length > 0
      ? { kind: 'paragraph', text: `Points à vérifier :\n${input.alertes.map((a) => `- ${a}`).join('\n')}` }
      : { kind: 'paragraph', text: 'Aucun point particulier n’a été relevé automatiquement.' },
    { kind: 'button', label: 'Traiter les demandes d’employeurs', url: input.url },
    { kind: 'note', text: "Tant que la demande n'est pas validée, la structure ne peut pas publier d'offre pour cet employeur." },
  ];
  return render('employeur-demande', subject, `${input.structure} demande l'ajout de ${input.raisonSociale}.`, blocks);
}

export const EMPLOYEUR_VALIDE_SUBJECT_PREFIX = 'Employeur validé';
export const EMPLOYEUR_REFUSE_SUBJECT_PREFIX = 'Employeur refusé';

/** To every member of the structure: the admin team validated or refused its request. */
export function decisionEmployeurEmail(input: {
  prenom: string;
  structure: string;
  raisonSociale: string;
  siret: string;
  decision: { status: 'VALIDE' } | { status: 'REFUSE'; motif: string };
  url: string;
}): RenderedEmail {
  if (input.decision.status === 'VALIDE') {
    const subject = `${EMPLOYEUR_VALIDE_SUBJECT_PREFIX} : ${oneLine(input.raisonSociale)}`;
    return render('employeur-valide', subject, `Vous pouvez publier des offres pour ${input.raisonSociale}.`, [
      { kind: 'paragraph', text: greeting(input.prenom) },
      {
        kind: 'paragraph',
        text: `L'équipe CMonAlternance a validé l'employeur « ${input.raisonSociale} » (Siret ${spacedSiret(input.siret)}) pour votre structure « ${input.structure} ».`,
      },
      { kind: 'paragraph', text: 'Vous pouvez désormais le sélectionner lorsque vous créez une offre.' },
      { kind: 'button', label: 'Voir le suivi des employeurs', url: input.url },
    ]);
  }
  const subject = `${EMPLOYEUR_REFUSE_SUBJECT_PREFIX} : ${oneLine(input.raisonSociale)}`;
  return render('employeur-refuse', subject, `La demande d'ajout de ${input.raisonSociale} a été refusée.`, [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `L'équipe CMonAlternance a refusé l'ajout de l'employeur « ${input.raisonSociale} » (Siret ${spacedSiret(input.siret)}) pour votre structure « ${input.structure} ».`,
    },
    { kind: 'paragraph', text: `Motif : ${input.decision.motif}` },
    { kind: 'button', label: 'Voir le suivi des employeurs', url: input.url },
    { kind: 'note', text: "Pour toute question sur ce refus, répondez à l'adresse d'assistance ci-dessous." },
  ]);
}
