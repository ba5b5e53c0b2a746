import type { TypeAlternance } from '@/lib/generated/prisma/enums';
import { nomDepartement } from '@/lib/referentiels/departements';
import { libelleNiveau } from '@/lib/referentiels/niveaux';

/**
 * « Alertes »: when does a candidate's project match one of the structure's offers, why, and how
 * well. One pure function, the only place these rules live (the SQL that picks candidates only
 * narrows the rows this function then decides on).
 *
 * A project matches an offer when all four hold:
 *  1. métier: the same ROME code (« Même métier »), or the same parent — the ROME domain, its
 *     letter and two digits, e.g. F16 for F1619 and F1610 (« Métier proche »);
 *  2. at least one contract type in common (one chip per shared type: « Apprentissage »…);
 *  3. zone: the project covers the offer's département — listed, or the whole region (chip: the
 *     département's name); an offer without a known département matches any zone;
 *  4. level: the project's target level is one of the offer's diplôme levels (chip « Niveau CAP,
 *     BEP »); when either side does not know its level, this criterion neither blocks nor scores.
 * The score (0–100) ranks the alerts: exact métier > parent, each shared type, an explicitly
 * chosen département > the whole region, a known matching level.
 */

export interface ProjetCritere {
  romeCode: string;
  types: readonly TypeAlternance[];
  zoneRegion: boolean;
  departements: readonly string[];
  niveau: number | null;
}

export interface OffreCritere {
  romeCode: string;
  types: readonly TypeAlternance[];
  departementCode: string | null;
  /** the levels of the offer's diplômes (null: unknown) */
  niveaux: readonly (number | null)[];
}

export interface Correspondance {
  score: number;
  /** the chips, in this order: métier, types, zone, level */
  raisons: string[];
}

export const TYPE_CHIPS: Record<TypeAlternance, string> = {
  APPRENTISSAGE: 'Apprentissage',
  CONTRAT_PRO: 'Contrat de professionnalisation',
  STAGE_PRO: 'Stage professionnel',
};

const TYPE_ORDER: readonly TypeAlternance[] = ['APPRENTISSAGE', 'CONTRAT_PRO', 'STAGE_PRO'];

/** « F1619 » → « F16 »: the ROME domain that groups neighbouring métiers. */
export function romeParent(code: string): string {
  return code.slice(0, 3).toUpperCase();
}

export const POINTS = {
  memeMetier: 40,
  metierProche: 20,
  parType: 10,
  departementChoisi: 20,
  toutLaRegion: 10,
  sansDepartement: 5,
  niveau: 20,
} as const;
/** 40 + 3 × 10 + 20 + 20 */
export const SCORE_MAX = POINTS.memeMetier + 3 * POINTS.parType + POINTS.departementChoisi + POINTS.niveau;

export function correspondance(projet: ProjetCritere, offre: OffreCritere): Correspondance | null {
  const raisons: string[] = [];
  let points = 0;

  // 1. métier
  if (!projet.romeCode || !offre.romeCode) return null;
  if (projet.romeCode.toUpperCase() === offre.romeCode.toUpperCase()) {
    raisons.push('Même métier');
    points += POINTS.memeMetier;
  } else if (romeParent(projet.romeCode) === romeParent(offre.romeCode)) {
    raisons.push('Métier proche');
    points += POINTS.metierProche;
  } else {
    return null;
  }

  // 2. contract types
  const communs = TYPE_ORDER.filter((t) => projet.types.includes(t) && offre.types.includes(t));
  if (communs.length === 0) return null;
  for (const t of communs) raisons.push(TYPE_CHIPS[t]);
  points += communs.length * POINTS.parType;

  // 3. zone
  if (offre.departementCode) {
    if (projet.departements.includes(offre.departementCode)) {
      points += POINTS.departementChoisi;
    } else if (projet.zoneRegion) {
      points += POINTS.toutLaRegion;
    } else {
      return null;
    }
    raisons.push(nomDepartement(offre.departementCode));
  } else {
    points += POINTS.sansDepartement;
    raisons.push('Nouvelle-Aquitaine');
  }

  // 4. level
  const niveaux = offre.niveaux.filter((n): n is number => n !== null);
  if (projet.niveau !== null && niveaux.length > 0) {
    if (!niveaux.includes(projet.niveau)) return null;
    raisons.push(libelleNiveau(projet.niveau));
    points += POINTS.niveau;
  }

  return { score: Math.round((points / SCORE_MAX) * 100), raisons };
}
