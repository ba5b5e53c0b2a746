import { z } from 'zod';

/**
 * « Mes offres — Suivi de mes offres »: the tabs, the status changes and their messages, shared
 * by the page, its client components, the server actions and the tests.
 */

export type OffreStatut = 'EN_COURS' | 'POURVUE' | 'ARCHIVEE';

/** The tabs, in the guide's order, with their URL value (`/mes-offres?statut=…`). */
export const MES_OFFRES_ONGLETS = [
  {
    slug: 'en-cours',
    status: 'EN_COURS',
    label: 'En cours',
    badge: 'Offre en cours',
    explication: 'les offres publiées et d\'actualité. Les candidats peuvent les consulter sur le site et postuler.',
    vide: "Vous n'avez aucune offre en cours. Créez une offre : elle sera immédiatement publiée sur le site et visible par les candidats.",
  },
  {
    slug: 'pourvues',
    status: 'POURVUE',
    label: 'Pourvues',
    badge: 'Offre pourvue',
    explication: 'les offres que vous avez publiées et qui ont été pourvues.',
    vide: "Vous n'avez aucune offre pourvue.",
  },
  {
    slug: 'archivees',
    status: 'ARCHIVEE',
    label: 'Archivées',
    badge: 'Offre archivée',
    explication: 'les offres qui ont été publiées et qui ne sont plus d\'actualité (recrutement interrompu, offres de plus de 6 mois...).',
    vide: "Vous n'avez aucune offre archivée.",
  },
] as const satisfies readonly { slug: string; status: OffreStatut; label: string; badge: string; explication: string; vide: string }[];

export type MesOffresOnglet = (typeof MES_OFFRES_ONGLETS)[number];
export type MesOffresSlug = MesOffresOnglet['slug'];

export const MES_OFFRES_PATH = '/mes-offres';
export const MES_OFFRES_PAGE_SIZE = 20;

export function ongletFromSlug(slug: string | undefined): MesOffresOnglet {
  return MES_OFFRES_ONGLETS.find((o) => o.slug === slug) ?? MES_OFFRES_ONGLETS[0];
}

export function ongletFromStatus(status: OffreStatut): MesOffresOnglet {
  return MES_OFFRES_ONGLETS.find((o) => o.status === status)!;
}

/** `/mes-offres?statut=pourvues&page=2` (page 1 and the default tab are left out). */
export function mesOffresHref(slug: MesOffresSlug, page = 1): string {
  const params = new URLSearchParams();
  params.set('statut', slug);
  if (page > 1) params.set('page', String(page));
  return `${MES_OFFRES_PATH}?${params.toString()}`;
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** The page's search params: an unknown tab is « En cours », a bad page number is page 1. */
export const mesOffresParamsSchema = z.object({
  statut: z.preprocess(first, z.string().optional()).transform((v) => ongletFromSlug(v).slug),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1)).catch(1),
});

export function parseMesOffresParams(searchParams: Record<string, string | string[] | undefined>): { statut: MesOffresSlug; page: number } {
  const parsed = mesOffresParamsSchema.safeParse(searchParams);
  return parsed.success ? parsed.data : { statut: 'en-cours', page: 1 };
}

/** « 0 candidature », « 1 candidature », « 2 candidatures » (French: singular up to 1). */
export function candidaturesLabel(n: number): string {
  return `${n} candidature${n > 1 ? 's' : ''}`;
}

// ───────────────────────────── Status changes ─────────────────────────────

export const STATUTS_CIBLES = ['POURVUE', 'ARCHIVEE', 'EN_COURS'] as const;
export type StatutCible = (typeof STATUTS_CIBLES)[number];

/** The allowed changes from each status (from « Archivée », the way back is « open and save »). */
export const TRANSITIONS: Record<OffreStatut, readonly StatutCible[]> = {
  EN_COURS: ['POURVUE', 'ARCHIVEE'],
  POURVUE: ['ARCHIVEE', 'EN_COURS'],
  ARCHIVEE: [],
};

export function canChangeStatus(from: OffreStatut, to: StatutCible): boolean {
  return TRANSITIONS[from].includes(to);
}

export const MES_OFFRES_MESSAGES = {
  offreIntrouvable: "Cette offre est introuvable dans votre structure. Rechargez la page : la liste a peut-être changé.",
  statutInvalide: 'Choisissez un statut valide : pourvue, archivée ou en cours.',
  changementConcurrent: "Le statut de cette offre vient d'être modifié par ailleurs. Rechargez la page pour voir son statut actuel.",
  reactivation:
    "Si vous avez archivé une offre et que vous souhaitez la réactiver, il vous suffit de l'ouvrir et de l'enregistrer de nouveau.",
  aToutMoment: 'Vous pouvez modifier le statut de vos offres à tout moment.',
  dejaPourvue: 'Cette offre est déjà pourvue.',
  dejaArchivee: 'Cette offre est déjà archivée.',
  dejaEnCours: 'Cette offre est déjà en cours.',
  archiveeVersPourvue:
    "Une offre archivée ne peut pas être marquée comme pourvue. Pour la réactiver, ouvrez-la et enregistrez-la de nouveau.",
} as const;

/** When the offer already had the asked status (another member was quicker): nothing changes. */
export const STATUT_DEJA: Record<StatutCible, string> = {
  POURVUE: MES_OFFRES_MESSAGES.dejaPourvue,
  ARCHIVEE: MES_OFFRES_MESSAGES.dejaArchivee,
  EN_COURS: MES_OFFRES_MESSAGES.dejaEnCours,
};

export const offreStatusSchema = z.object({
  numero: z.coerce
    .number({ error: MES_OFFRES_MESSAGES.offreIntrouvable })
    .int(MES_OFFRES_MESSAGES.offreIntrouvable)
    .positive(MES_OFFRES_MESSAGES.offreIntrouvable)
    .max(2_147_483_647, MES_OFFRES_MESSAGES.offreIntrouvable),
  status: z.enum(STATUTS_CIBLES, { error: MES_OFFRES_MESSAGES.statutInvalide }),
});
export type OffreStatusInput = z.input<typeof offreStatusSchema>;
