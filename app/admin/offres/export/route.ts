import { getCurrentUser } from '@/lib/auth/session';
import { csvResponse, toCsv } from '@/lib/csv';
import { exportOffresAdmin } from '@/lib/data/admin-offres';
import { formatNumero } from '@/lib/format';
import { OFFRE_STATUS_LABELS } from '@/lib/labels';
import { CSV_HEADERS, parseAdminOffresSearch } from '../_components/messages';

/** « Exporter en CSV »: the offers of the search shown (ADMIN only; the data function checks again). */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response('Connectez-vous pour exporter les offres.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  if (user.role !== 'ADMIN') return new Response("Seule l'équipe CMonAlternance peut exporter les offres.", { status: 403, headers: { 'Cache-Control': 'no-store' } });

  const search = parseAdminOffresSearch(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await exportOffresAdmin(user, { q: search.q, statut: search.statut });
  const csv = toCsv(
    CSV_HEADERS,
    rows.map((r) => [
      formatNumero('offre', r.numero),
      r.metier,
      OFFRE_STATUS_LABELS[r.status],
      r.employeur,
      r.structure,
      [r.codePostal, r.commune].filter(Boolean).join(' ') || null,
      r.publishedAt,
      r.archivedAt,
      r.candidatures,
      r.motifDepublication,
    ]),
  );
  return csvResponse(`offres-${new Date().toISOString().slice(0, 10)}.csv`, csv);
}
