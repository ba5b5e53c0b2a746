import 'server-only';
import type { StaffUser } from '@/lib/auth/guards';
import { db } from '@/lib/db';

/** Every query here is scoped to the caller's own structure. */
export async function getMyStructure(user: StaffUser) {
  return db.structure.findUniqueOrThrow({
    where: { id: user.membership.structure.id },
    select: {
      numero: true,
      siret: true,
      raisonSociale: true,
      sigle: true,
      codeNaf: true,
      domaineActivite: true,
      effectif: true,
      type: true,
      adresse: true,
      complementAdresse: true,
      codePostal: true,
      communeInsee: true,
      commune: true,
      telephone: true,
      email: true,
      accueilStagiaires3e: true,
      accueilStagiaires2de: true,
    },
  });
}

export async function listMyStructureMembers(user: StaffUser) {
  return db.membership.findMany({
    where: { structureId: user.membership.structure.id },
    orderBy: [{ role: 'asc' }, { user: { numero: 'asc' } }],
    select: { role: true, user: { select: { numero: true, prenom: true, nom: true, email: true } } },
  });
}
