import { getCurrentUser } from '@/lib/auth/session';
import { csvResponse, toCsv } from '@/lib/csv';
import { exportStructures } from '@/lib/data/admin-structures';
import { STRUCTURE_TYPE_LABELS } from '@/lib/labels';
import { CSV_HEADERS, formatNumeroStructure } from '../_components/messages';

/**
 * « Exporter en CSV »: the structures of the search shown, for Excel. A route handler cannot use
 * the redirecting guards: the user is read from the database (getCurrentUser) and only an ADMIN
 * gets the file; the data function checks the role again.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response('Connectez-vous pour exporter les structures.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  if (user.role !== 'ADMIN') return new Response("Seule l'équipe CMonAlternance peut exporter les structures.", { status: 403, headers: { 'Cache-Control': 'no-store' } });

  const q = new URL(request.url).searchParams.get('q')?.trim().slice(0, 100) || undefined;
  const rows = await exportStructures(user, { q });
  const csv = toCsv(
    CSV_HEADERS,
    rows.map((r) => [
      formatNumeroStructure(r.numero),
      r.raisonSociale,
      r.siret,
      STRUCTURE_TYPE_LABELS[r.type],
      r.codePostal,
      r.commune,
      r.membres,
      r.offresEnCours,
      r.active ? 'Oui' : 'Non',
      r.createdAt,
    ]),
  );
  return csvResponse(`structures-${new Date().toISOString().slice(0, 10)}.csv`, csv);
}
