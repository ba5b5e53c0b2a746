import 'server-only';
import { requireAdmin } from '@/lib/auth/guards';
import { db } from '@/lib/db';
import { loadAdminDashboard, type AdminDashboard } from '@/lib/admin-dashboard-query';

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

export async function getAdminDashboard(): Promise<AdminDashboard> {
  await requireAdmin();
  return loadAdminDashboard(db, new Date());
}

export { DASHBOARD_WEEKS, type AdminDashboard, type DemandeEnAttente, type WeekPoint } from '@/lib/admin-dashboard-query';
