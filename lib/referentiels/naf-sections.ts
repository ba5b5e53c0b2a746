/**
 * The 21 sections (A–U) of the NAF rév. 2 (INSEE), with the range of 2-digit divisions each one
 * covers. A section is the « Domaine d'activité » shown to users.
 */
export type NafSectionDef = {
  code: string;
  libelle: string;
  /** First and last division (inclusive), e.g. ['01', '03'] for A. */
  divisions: readonly [string, string];
};

export const NAF_SECTIONS: readonly NafSectionDef[] = [
  { code: 'A', libelle: 'Agriculture, sylviculture et pêche', divisions: ['01', '03'] },
  { code: 'B', libelle: 'Industries extractives', divisions: ['05', '09'] },
  { code: 'C', libelle: 'Industrie manufacturière', divisions: ['10', '33'] },
  {
    code: 'D',
    libelle: "Production et distribution d'électricité, de gaz, de vapeur et d'air conditionné",
    divisions: ['35', '35'],
  },
  {
    code: 'E',
    libelle: "Production et distribution d'eau ; assainissement, gestion des déchets et dépollution",
    divisions: ['36', '39'],
  },
  { code: 'F', libelle: 'Construction', divisions: ['41', '43'] },
  { code: 'G', libelle: "Commerce ; réparation d'automobiles et de motocycles", divisions: ['45', '47'] },
  { code: 'H', libelle: 'Transports et entreposage', divisions: ['49', '53'] },
  { code: 'I', libelle: 'Hébergement et restauration', divisions: ['55', '56'] },
  { code: 'J', libelle: 'Information et communication', divisions: ['58', '63'] },
  { code: 'K', libelle: "Activités financières et d'assurance", divisions: ['64', '66'] },
  { code: 'L', libelle: 'Activités immobilières', divisions: ['68', '68'] },
  { code: 'M', libelle: 'Activités spécialisées, scientifiques et techniques', divisions: ['69', '75'] },
  { code: 'N', libelle: 'Activités de services administratifs et de soutien', divisions: ['77', '82'] },
  { code: 'O', libelle: 'Administration publique', divisions: ['84', '84'] },
  { code: 'P', libelle: 'Enseignement', divisions: ['85', '85'] },
  { code: 'Q', libelle: 'Santé humaine et action sociale', divisions: ['86', '88'] },
  { code: 'R', libelle: 'Arts, spectacles et activités récréatives', divisions: ['90', '93'] },
  { code: 'S', libelle: 'Autres activités de services', divisions: ['94', '96'] },
  {
    code: 'T',
    libelle:
      "Activités des ménages en tant qu'employeurs ; activités indifférenciées des ménages en tant que producteurs de biens et services pour usage propre",
    divisions: ['97', '98'],
  },
  { code: 'U', libelle: 'Activités extra-territoriales', divisions: ['99', '99'] },
];

/** Accepts « 43.33Z », « 4333Z », « 43.33 », « 43.3 » or « 43 » (case and surrounding spaces ignored). */
const NAF_PATTERN = /^(\d{2})(?:\.?\d(?:\d[A-Z]?)?)?$/;

/** Section letter (A–U) of a NAF code, from its 2-digit division; null when it is not a NAF code. */
export function sectionForNaf(code: string | null | undefined): string | null {
  if (typeof code !== 'string') return null;
  const match = NAF_PATTERN.exec(code.trim().toUpperCase());
  if (!match) return null;
  const division = Number(match[1]);
  const section = NAF_SECTIONS.find(
    (s) => division >= Number(s.divisions[0]) && division <= Number(s.divisions[1]),
  );
  return section?.code ?? null;
}

export function libelleNafSection(code: string | null | undefined): string | null {
  return NAF_SECTIONS.find((s) => s.code === code)?.libelle ?? null;
}
