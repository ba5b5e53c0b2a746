/**
 * « Candidatures » (Mon espace): the tabs, their URLs and the words of the guide (« Gérer les
 * candidatures à vos offres », « Répondre à une candidature »), shared by the pages, the answer
 * form and the tests. Pure: no server-only import.
 */

export type CandidatureStatut = 'A_TRAITER' | 'ACCEPTEE' | 'REFUSEE';

export const CANDIDATURES_PATH = '/mon-espace/candidatures';

/** The tabs in the guide's order, with their URL value (`?statut=…`). */
export const CANDIDATURES_ONGLETS = [
  {
    slug: 'a-traiter',
    status: 'A_TRAITER',
    label: 'À traiter',
    titre: 'Candidatures à traiter',
    vide: "Vous n'avez aucune candidature à traiter : vous avez répondu à toutes les candidatures reçues.",
  },
  {
    slug: 'acceptees',
    status: 'ACCEPTEE',
    label: 'Acceptées',
    titre: 'Candidatures acceptées',
    vide: "Vous n'avez encore accepté aucune candidature : répondez « Organiser un entretien / obtenir plus d'informations » à une candidature « À traiter » pour qu'elle apparaisse ici.",
  },
  {
    slug: 'refusees',
    status: 'REFUSEE',
    label: 'Refusées',
    titre: 'Candidatures refusées',
    vide: "Vous n'avez refusé aucune candidature.",
  },
] as const satisfies readonly { slug: string; status: CandidatureStatut; label: string; titre: string; vide: string }[];

export type CandidaturesOnglet = (typeof CANDIDATURES_ONGLETS)[number];
export type CandidaturesSlug = CandidaturesOnglet['slug'];

export function ongletFromSlug(slug: string | undefined | null): CandidaturesOnglet {
  return CANDIDATURES_ONGLETS.find((o) => o.slug === slug) ?? CANDIDATURES_ONGLETS[0];
}

export function ongletFromStatus(status: CandidatureStatut): CandidaturesOnglet {
  return CANDIDATURES_ONGLETS.find((o) => o.status === status)!;
}

/** `/mon-espace/candidatures?statut=acceptees&offre=1458&page=2` (page 1 is left out). */
export function candidaturesHref(slug: CandidaturesSlug, opts: { offre?: number | null; page?: number } = {}): string {
  const params = new URLSearchParams();
  params.set('statut', slug);
  if (opts.offre) params.set('offre', String(opts.offre));
  if (opts.page && opts.page > 1) params.set('page', String(opts.page));
  return `${CANDIDATURES_PATH}?${params.toString()}`;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The list's search params: an unknown tab is « À traiter », a bad page is 1, a bad offer number is no filter. */
export function parseCandidaturesParams(searchParams: Record<string, string | string[] | undefined>): {
  onglet: CandidaturesOnglet;
  offre: number | null;
  page: number;
} {
  const offreRaw = first(searchParams.offre)?.trim() ?? '';
  const offre = /^\d{1,10}$/.test(offreRaw) && Number(offreRaw) >= 1 && Number(offreRaw) <= 2_147_483_647 ? Number(offreRaw) : null;
  const pageRaw = first(searchParams.page) ?? '';
  const page = /^\d{1,6}$/.test(pageRaw) ? Math.max(1, Number(pageRaw)) : 1;
  return { onglet: ongletFromSlug(first(searchParams.statut)), offre, page };
}

/** « 0 candidature reçue », « 1 candidature reçue », « 3 candidatures reçues » (French: singular up to 1). */
export function candidaturesRecuesLabel(n: number): string {
  return n > 1 ? `${n} candidatures reçues` : `${n} candidature reçue`;
}

/** The status of one application, in the staff's words (the tabs are plural). */
export const STATUT_LABELS: Record<CandidatureStatut, string> = { A_TRAITER: 'À traiter', ACCEPTEE: 'Acceptée', REFUSEE: 'Refusée' };

/** The two answers of « Répondre à la candidature », as the guide writes them. */
export const REPONSE_LABELS = {
  ENTRETIEN: "Organiser un entretien / obtenir plus d'informations",
  REFUS: 'Refuser la candidature',
} as const;

export const CANDIDATURES_TEXTES = {
  passerParTableauDeBord: 'Pour répondre à une candidature vous devez impérativement passer par votre tableau de bord.',
  pourRepondre: 'Pour répondre à une candidature : dans « À traiter », cliquez sur « Détails ».',
  aTraiter: "les candidatures que vous avez reçues et auxquelles vous n'avez pas répondu.",
  accepteesAttention: "ATTENTION : Il ne s'agit pas des recrutements que vous avez acceptés.",
  acceptees:
    "Ce sont les candidatures auxquelles vous avez répondu en demandant un entretien ou plus d'informations (« Organiser un entretien / obtenir plus d'informations »).",
  refusees: 'les candidatures auxquelles vous avez répondu défavorablement (« Refuser la candidature ») : candidatures non retenues.',
  coordonnees:
    "Attention : les candidats n'ont pas vos coordonnées (mail, téléphone...), si vous souhaitez qu'ils vous répondent vous devez leur indiquer un mail ou un numéro de téléphone.",
  messageLabel: 'Écrivez un message au candidat',
  messageAttention:
    "ATTENTION : n'oubliez pas d'indiquer un email de contact ou un n° de téléphone si vous souhaitez être recontacté par le candidat.",
  choixLegend: 'Cochez la réponse adaptée à votre choix',
  anonyme: 'Candidat ayant supprimé son compte',
  anonymeReponse:
    "Ce candidat a supprimé son compte : il ne recevra pas votre réponse. Vous pouvez tout de même répondre pour classer la candidature.",
  envoyee: 'Votre réponse a bien été envoyée au candidat.',
  apres: "Le candidat est prévenu sur CMonAlternance et par e-mail. « Acceptées » ne signifie pas que vous avez recruté le candidat, mais que vous avez accepté de prendre contact.",
} as const;
