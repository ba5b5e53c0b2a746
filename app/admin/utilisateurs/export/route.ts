import { getCurrentUser } from '@/lib/auth/session';
import { csvResponse, toCsv } from '@/lib/csv';
import { exportUtilisateurs } from '@/lib/data/admin-utilisateurs';
import { formatNumero } from '@/lib/format';
import { CSV_HEADERS, ROLE_LABEL } from '../_components/messages';
import { parseUtilisateursSearch } from '../_components/search-params';

/**
 * « Exporter en CSV »: the accounts of the search shown, for Excel. A route handler cannot use the
 * redirecting guards: the user is read from the database (getCurrentUser) and only an ADMIN gets
 * the file; the data function checks the role again.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response('Connectez-vous pour exporter les utilisateurs.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  if (user.role !== 'ADMIN') return new Response("Seule l'équipe CMonAlternance peut exporter les utilisateurs.", { status: 403, headers: { 'Cache-Control': 'no-store' } });

  const { q, role, structure } = parseUtilisateursSearch(new URL(request.url).searchParams);
  const rows = await exportUtilisateurs(user, { q, role, structure });
  const csv = toCsv(
    CSV_HEADERS,
    rows.map((r) => [
      formatNumero('utilisateur', r.numero),
      r.nom,
      r.prenom,
      r.email,
      ROLE_LABEL[r.role],
      r.membershipRole,
      r.structure?.raisonSociale ?? null,
      r.active ? 'Oui' : 'Non',
      r.lastLoginAt,
      r.createdAt,
    ]),
  );
  return csvResponse(`utilisateurs-${new Date().toISOString().slice(0, 10)}.csv`, csv);
}
