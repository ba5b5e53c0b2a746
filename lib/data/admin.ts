import 'server-only';
import { requireAdmin } from '@/lib/auth/guards';
import { db } from '@/lib/db';

/** Admin data functions check the role themselves, whoever calls them. */
export async function getAdminCounts() {
  await requireAdmin();
  const [demandes, structures, acteurs, candidats, offresEnCours, emailsEnEchec] = await Promise.all([
    db.structureEmployeur.count({ where: { status: 'EN_ATTENTE' } }),
    db.structure.count(),
    db.user.count({ where: { role: 'ACTEUR' } }),
    db.user.count({ where: { role: 'CANDIDAT', anonymizedAt: null } }),
    db.offre.count({ where: { status: 'EN_COURS' } }),
    db.emailOutbox.count({ where: { status: 'ECHEC' } }),
  ]);
  return { demandes, structures, acteurs, candidats, offresEnCours, emailsEnEchec };
}
