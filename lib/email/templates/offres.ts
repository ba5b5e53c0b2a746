import { greeting, renderLayout, type EmailBlock, type RenderedEmail } from './layout';

/**
 * E-mails about a structure's offers. Every value is escaped by renderLayout; links are passed in
 * full by the caller.
 */

const SIGNATURE: EmailBlock = { kind: 'paragraph', text: "Cordialement,\nL'équipe CMonAlternance" };

/** One line: subjects must not contain a line break, whatever the métier holds. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export const ARCHIVAGE_PROCHE_TEMPLATE = 'offre-archivage-proche';
export const ARCHIVAGE_PROCHE_SUBJECT_PREFIX = 'Votre offre sera archivée dans';

/**
 * Sent 7 days before the automatic archiving (6 months after publication or reactivation) to the
 * offer's référent — or, when it has none, to the structure's gestionnaires.
 */
export function offreArchivageProcheEmail(input: {
  prenom: string | null;
  /** « 0000001465 » */
  numero: string;
  metier: string;
  entreprise: string;
  /** Days left before the archiving (7 when the job runs on time). */
  jours: number;
  /** « 12-09-2027 » */
  archiveLe: string;
  /** The offer's edit page (« Modifier »): saving it publishes it again for 6 months. */
  url: string;
  /** true when sent to a gestionnaire because the offer has no référent. */
  sansReferent?: boolean;
}): RenderedEmail {
  const jours = `${input.jours} jour${input.jours > 1 ? 's' : ''}`;
  const subject = `${ARCHIVAGE_PROCHE_SUBJECT_PREFIX} ${jours} : OFFRE ${input.numero} ${oneLine(input.metier)}`;
  const blocks: EmailBlock[] = [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `Votre offre OFFRE ${input.numero} « ${input.metier} » (entreprise : ${input.entreprise}) sera archivée dans ${jours}, le ${input.archiveLe} : les offres sont archivées automatiquement 6 mois après leur publication.`,
    },
    {
      kind: 'paragraph',
      text: "Pour la garder, ouvrez-la et enregistrez-la : elle restera publiée et les candidats pourront toujours la consulter et postuler.",
    },
    { kind: 'button', label: 'Ouvrir mon offre', url: input.url },
    {
      kind: 'note',
      text: "Si le poste n'est plus à pourvoir, vous n'avez rien à faire. Si vous avez archivé une offre et que vous souhaitez la réactiver, il vous suffit de l'ouvrir et de l'enregistrer de nouveau.",
    },
  ];
  if (input.sansReferent) {
    blocks.push({ kind: 'note', text: "Cette offre n'a pas de référent : ce message est envoyé aux gestionnaires de la structure." });
  }
  const { html, text } = renderLayout({ title: subject, preheader: `Pour garder votre offre, ouvrez-la et enregistrez-la avant le ${input.archiveLe}.`, blocks: [...blocks, SIGNATURE] });
  return { subject, html, text, template: ARCHIVAGE_PROCHE_TEMPLATE };
}
