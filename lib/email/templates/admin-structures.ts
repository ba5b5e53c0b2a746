import { greeting, renderLayout, type EmailBlock, type RenderedEmail } from './layout';

/**
 * E-mails of « Structures » (admin): the admin team deactivated or reactivated a structure (every
 * member of the structure is told). Every value is escaped by renderLayout.
 */

const SIGNATURE: EmailBlock = { kind: 'paragraph', text: "Cordialement,\nL'équipe CMonAlternance" };

function render(template: string, subject: string, preheader: string, blocks: EmailBlock[]): RenderedEmail {
  const { html, text } = renderLayout({ title: subject, preheader, blocks: [...blocks, SIGNATURE] });
  return { subject, html, text, template };
}

function oneLine(value: string, max = 120): string {
  const v = value.replace(/\s+/g, ' ').trim();
  return v.length > max ? `${v.slice(0, max - 1)}…` : v;
}

export const STRUCTURE_DESACTIVEE_SUBJECT_PREFIX = 'Structure désactivée';
export const STRUCTURE_REACTIVEE_SUBJECT_PREFIX = 'Structure réactivée';

/** To every member: the admin team deactivated the structure (with the reason). */
export function structureDesactiveeEmail(input: { prenom: string; structure: string; motif: string }): RenderedEmail {
  const subject = `${STRUCTURE_DESACTIVEE_SUBJECT_PREFIX} : ${oneLine(input.structure)}`;
  return render('structure-desactivee', subject, `Votre structure « ${input.structure} » a été désactivée.`, [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `L'équipe CMonAlternance a désactivé votre structure « ${input.structure} ». Ses offres ne sont plus visibles sur le site et ses membres ne peuvent plus agir pour elle.`,
    },
    { kind: 'paragraph', text: `Motif : ${input.motif}` },
    { kind: 'note', text: "Pour toute question, répondez à l'adresse d'assistance ci-dessous." },
  ]);
}

/** To every member: the admin team reactivated the structure. */
export function structureReactiveeEmail(input: { prenom: string; structure: string; motif: string; url: string }): RenderedEmail {
  const subject = `${STRUCTURE_REACTIVEE_SUBJECT_PREFIX} : ${oneLine(input.structure)}`;
  return render('structure-reactivee', subject, `Votre structure « ${input.structure} » est de nouveau active.`, [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `L'équipe CMonAlternance a réactivé votre structure « ${input.structure} ». Ses offres en cours sont de nouveau visibles sur le site et vous pouvez vous reconnecter.`,
    },
    { kind: 'paragraph', text: `Motif : ${input.motif}` },
    { kind: 'button', label: 'Se connecter', url: input.url },
  ]);
}

export const OFFRE_DEPUBLIEE_SUBJECT_PREFIX = 'Offre dépubliée';

/** To the offer's référent (or every member of its structure): the admin team unpublished it. */
export function offreDepublieeEmail(input: { prenom: string; metier: string; numero: string; structure: string; motif: string; url: string }): RenderedEmail {
  const subject = `${OFFRE_DEPUBLIEE_SUBJECT_PREFIX} : ${oneLine(input.metier)} (${input.numero})`;
  return render('offre-depubliee', subject, `L'offre ${input.numero} a été retirée du site.`, [
    { kind: 'paragraph', text: greeting(input.prenom) },
    {
      kind: 'paragraph',
      text: `L'équipe CMonAlternance a dépublié l'offre « ${input.metier} » (numéro ${input.numero}) de votre structure « ${input.structure} » : elle n'est plus visible sur le site et se trouve désormais parmi vos offres archivées.`,
    },
    { kind: 'paragraph', text: `Motif : ${input.motif}` },
    { kind: 'button', label: 'Voir mes offres', url: input.url },
    { kind: 'note', text: "Pour toute question, répondez à l'adresse d'assistance ci-dessous." },
  ]);
}
