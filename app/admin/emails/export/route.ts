import { getCurrentUser } from '@/lib/auth/session';
import { csvResponse, toCsv } from '@/lib/csv';
import { exportEmails } from '@/lib/data/admin-emails';
import { EMAILS_CSV_HEADERS, EMAIL_STATUT_LABELS } from '../_components/messages';
import { parseAdminEmailsSearch, slugOf } from '../_components/search-params';

/**
 * « Exporter en CSV »: the e-mails of the tab (and search) shown. A route handler cannot use the
 * redirecting guards: the user is read from the database and only an ADMIN gets the file; the data
 * function checks the role again.
 */
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response('Connectez-vous pour exporter les e-mails.', { status: 401, headers: { 'Cache-Control': 'no-store' } });
  if (user.role !== 'ADMIN') return new Response("Seule l'équipe CMonAlternance peut exporter les e-mails.", { status: 403, headers: { 'Cache-Control': 'no-store' } });

  const search = parseAdminEmailsSearch(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await exportEmails(user, { statut: search.statut, q: search.q });
  const csv = toCsv(
    EMAILS_CSV_HEADERS,
    rows.map((r) => [r.createdAt, r.to, r.subject, r.template, EMAIL_STATUT_LABELS[r.status], r.attempts, r.lastError, r.sentAt]),
  );
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(`emails-${slugOf(search.statut)}-${day}.csv`, csv);
}
