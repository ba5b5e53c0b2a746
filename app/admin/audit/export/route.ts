import { getCurrentUser } from '@/lib/auth/session';
import { csvResponse, toCsv } from '@/lib/csv';
import { exportAudit } from '@/lib/data/admin-audit';
import { AUDIT_CSV_HEADERS, parseAdminAuditSearch } from '../_components/search-params';

/**
 * « Exporter en CSV »: the journal with the filters shown (at most 10 000 rows). Only an ADMIN gets
 * the file; the data function checks the role again.
 */
export const dynamic = 'force-dynamic';

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Connectez-vous pour exporter le journal d'audit.", { status: 401, headers: { 'Cache-Control': 'no-store' } });
  if (user.role !== 'ADMIN') return new Response("Seule l'équipe CMonAlternance peut exporter le journal d'audit.", { status: 403, headers: { 'Cache-Control': 'no-store' } });

  const { page: _page, ...filters } = parseAdminAuditSearch(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await exportAudit(user, filters);
  const csv = toCsv(
    AUDIT_CSV_HEADERS,
    rows.map((r) => [
      r.createdAt,
      r.actor ? `${r.actor.prenom ?? ''} ${r.actor.nom ?? ''}`.trim() || null : 'Système',
      r.actor?.email ?? null,
      r.action,
      r.entityType,
      r.entityId,
      json(r.before),
      json(r.after),
      r.ip,
    ]),
  );
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(`journal-audit-${day}.csv`, csv);
}
