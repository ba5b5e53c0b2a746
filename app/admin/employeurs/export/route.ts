import { getCurrentUser } from '@/lib/auth/session';
import { csvResponse, toCsv } from '@/lib/csv';
import { exportDemandesEmployeurs } from '@/lib/data/admin-employeurs';
import { LIEN_EMPLOYEUR_STATUS_LABELS } from '@/lib/labels';
import { CSV_HEADERS, STATUT_TABS, alertesOf } from '../_components/messages';

/**
 * « Exporter en CSV »: the requests of the tab (and search) shown, for Excel. A route handler
 * cannot use the redirecting guards: the user is read from the database (getCurrentUser) and only
 * an ADMIN gets the file; the data function checks the role again.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response('Connectez-vous pour exporter les demandes.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  if (user.role !== 'ADMIN') return new Response("Seule l'équipe CMonAlternance peut exporter les demandes.", { status: 403, headers: { 'Cache-Control': 'no-store' } });

  const url = new URL(request.url);
  const slug = url.searchParams.get('statut');
  const statut = STATUT_TABS.find((t) => t.slug === slug)?.statut;
  const q = url.searchParams.get('q')?.trim().slice(0, 100) || undefined;
  const rows = await exportDemandesEmployeurs(user, { statut, q });
  const csv = toCsv(
    CSV_HEADERS,
    rows.map((r) => [
      LIEN_EMPLOYEUR_STATUS_LABELS[r.status],
      r.requestedAt,
      r.status === 'EN_ATTENTE' ? r.ageJours : null,
      r.employeur.raisonSociale,
      r.employeur.siret,
      r.structure.raisonSociale,
      r.structure.siret,
      r.demandeur ? `${r.demandeur.nom} <${r.demandeur.email}>` : null,
      alertesOf(r).join(' | ') || null,
      r.decidedAt,
      r.motifRefus,
    ]),
  );
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(`demandes-employeurs-${slug && statut ? slug : 'toutes'}-${day}.csv`, csv);
}
