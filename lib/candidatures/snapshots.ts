import type { ExperienceType, FormationStatut, TypeAlternance } from '@/lib/generated/prisma/enums';

/**
 * What an application keeps of the offer and of the project as they were when the candidate
 * applied (the structure reads what was sent, even if either changes later). Pure functions:
 * « Postuler » (lib/data/candidatures.ts) and the test factories build the same shapes.
 */

export interface OffreSnapshot {
  numero: number;
  metier: string;
  romeCode: string;
  types: TypeAlternance[];
  commune: string | null;
  codePostal: string | null;
  departementCode: string | null;
  /** « 2027-09-01 » */
  dateEmbauche: string;
  dureeMois: number | null;
  publishedAt: string;
  employeur: string;
  structure: string;
  diplomes: { intitule: string; niveau: number | null }[];
}

export interface ProjetSnapshot {
  numero: number;
  metier: string;
  romeCode: string;
  appellationCode: string;
  types: TypeAlternance[];
  diplomeIntitule: string | null;
  niveau: number | null;
  dureeAnnees: number | null;
  zoneRegion: boolean;
  departements: string[];
  formations: { intitule: string; statut: FormationStatut; annee: number | null }[];
  experiences: {
    type: ExperienceType;
    intitule: string;
    entreprise: string | null;
    dureeSemaines: number | null;
    dureeJours: number | null;
    missions: string | null;
  }[];
}

export function offreSnapshotOf(o: {
  numero: number;
  metier: string;
  romeCode: string;
  types: TypeAlternance[];
  commune: string | null;
  codePostal: string | null;
  departementCode: string | null;
  dateEmbauche: Date;
  dureeMois: number | null;
  publishedAt: Date;
  employeur: { raisonSociale: string };
  structure: { raisonSociale: string };
  diplomes: { intitule: string; niveau: number | null }[];
}): OffreSnapshot {
  return {
    numero: o.numero,
    metier: o.metier,
    romeCode: o.romeCode,
    types: o.types,
    commune: o.commune,
    codePostal: o.codePostal,
    departementCode: o.departementCode,
    dateEmbauche: o.dateEmbauche.toISOString().slice(0, 10),
    dureeMois: o.dureeMois,
    publishedAt: o.publishedAt.toISOString(),
    employeur: o.employeur.raisonSociale,
    structure: o.structure.raisonSociale,
    diplomes: o.diplomes.map((d) => ({ intitule: d.intitule, niveau: d.niveau })),
  };
}

export function projetSnapshotOf(p: ProjetSnapshot): ProjetSnapshot {
  return {
    numero: p.numero,
    metier: p.metier,
    romeCode: p.romeCode,
    appellationCode: p.appellationCode,
    types: p.types,
    diplomeIntitule: p.diplomeIntitule,
    niveau: p.niveau,
    dureeAnnees: p.dureeAnnees,
    zoneRegion: p.zoneRegion,
    departements: p.departements,
    formations: p.formations.map((f) => ({ intitule: f.intitule, statut: f.statut, annee: f.annee })),
    experiences: p.experiences.map((e) => ({
      type: e.type,
      intitule: e.intitule,
      entreprise: e.entreprise,
      dureeSemaines: e.dureeSemaines,
      dureeJours: e.dureeJours,
      missions: e.missions,
    })),
  };
}

/** Once the candidate deleted his account: what statistics need, nothing that could identify him. */
export function anonymizedProjetSnapshot(p: Partial<ProjetSnapshot> | null) {
  if (!p) return null;
  return {
    metier: p.metier,
    romeCode: p.romeCode,
    types: p.types,
    niveau: p.niveau,
    dureeAnnees: p.dureeAnnees,
    zoneRegion: p.zoneRegion,
    departements: p.departements,
  };
}
