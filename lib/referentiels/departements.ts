/** The 12 départements of Nouvelle-Aquitaine (région 75), in the order the guide lists them. */
export const DEPARTEMENTS_NA = [
  { code: '16', nom: 'Charente' },
  { code: '17', nom: 'Charente-Maritime' },
  { code: '19', nom: 'Corrèze' },
  { code: '23', nom: 'Creuse' },
  { code: '24', nom: 'Dordogne' },
  { code: '33', nom: 'Gironde' },
  { code: '40', nom: 'Landes' },
  { code: '47', nom: 'Lot-et-Garonne' },
  { code: '64', nom: 'Pyrénées-Atlantiques' },
  { code: '79', nom: 'Deux-Sèvres' },
  { code: '86', nom: 'Vienne' },
  { code: '87', nom: 'Haute-Vienne' },
] as const;

export const CODES_DEPARTEMENTS_NA = DEPARTEMENTS_NA.map((d) => d.code);

export type CodeDepartementNA = (typeof DEPARTEMENTS_NA)[number]['code'];

const NOMS = new Map<string, string>(DEPARTEMENTS_NA.map((d) => [d.code, d.nom]));

export function nomDepartement(code: string): string {
  return NOMS.get(code) ?? code;
}

/** « Nouvelle-Aquitaine » or « Gironde, Landes »: a project's zone de recherche. */
export function libelleZone(zoneRegion: boolean, departements: readonly string[]): string {
  if (zoneRegion) return 'Nouvelle-Aquitaine (toute la région)';
  return CODES_DEPARTEMENTS_NA.filter((c) => departements.includes(c))
    .map(nomDepartement)
    .join(', ');
}
