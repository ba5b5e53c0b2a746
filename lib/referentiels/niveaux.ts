/**
 * Levels of the national certification framework (cadre national des certifications
 * professionnelles, décret n° 2019-14). Levels 1 and 2 are not diplomas: the platform uses 3 to 8.
 * Labels are the usual form labels (« Niveau CAP, BEP »…); `ancien` is the 1969 nomenclature.
 */
export type NiveauCertification = {
  niveau: number;
  /** Usual label, shown as « Niveau <libelle> ». */
  libelle: string;
  /** Older « niveau V … I » wording. */
  ancien: string;
  /** Usual equivalence in years after the bac. */
  equivalence: string;
};

export const NIVEAUX: readonly NiveauCertification[] = [
  { niveau: 3, libelle: 'CAP, BEP', ancien: 'Niveau V', equivalence: 'CAP, BEP' },
  { niveau: 4, libelle: 'Bac', ancien: 'Niveau IV', equivalence: 'Bac' },
  { niveau: 5, libelle: 'BTS, DUT, DEUST', ancien: 'Niveau III', equivalence: 'Bac+2' },
  { niveau: 6, libelle: 'Licence, BUT', ancien: 'Niveau II', equivalence: 'Bac+3 / Bac+4' },
  { niveau: 7, libelle: "Master, DEA, DESS, Diplôme d'ingénieur", ancien: 'Niveau I', equivalence: 'Bac+5' },
  { niveau: 8, libelle: 'Doctorat', ancien: 'Niveau I', equivalence: 'Bac+8' },
];

export const NIVEAU_MIN = 3;
export const NIVEAU_MAX = 8;

export function niveauInfo(niveau: number | null | undefined): NiveauCertification | undefined {
  return NIVEAUX.find((n) => n.niveau === niveau);
}

/** « Niveau CAP, BEP », « Niveau Bac »…; « Niveau 2 » for a level outside 3..8; '' when unknown. */
export function libelleNiveau(niveau: number | null | undefined): string {
  if (niveau == null || !Number.isInteger(niveau)) return '';
  const info = niveauInfo(niveau);
  return info ? `Niveau ${info.libelle}` : `Niveau ${niveau}`;
}
