import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireUser } from '@/lib/auth/guards';
import { countUnreadNotifications, listMyNotifications } from '@/lib/data/notifications';
import { formatDate } from '@/lib/format';
import { MarkAllRead } from './_components/mark-all-read';

export const metadata: Metadata = { title: 'Mes notifications', robots: { index: false } };

function pageParam(value: string | string[] | undefined): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

const hrefFor = (page: number) => (page > 1 ? `/notifications?page=${page}` : '/notifications');

/**
 * Mes notifications (any signed-in user): newest first, unread ones said in words. Opening one
 * goes through /notifications/<id>, which marks it read and leads to what it is about.
 */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireUser();
  const requested = pageParam((await searchParams).page);
  const [first, unread] = await Promise.all([listMyNotifications(user, requested), countUnreadNotifications(user.id)]);
  // an old link past the last page shows the last one
  const result = requested > first.pages && first.total > 0 ? await listMyNotifications(user, first.pages) : first;
  const page = Math.min(requested, result.pages);

  return (
    <>
      <PageHeader title="Mes notifications" />
      {result.total === 0 ? (
        <div className="border-l-4 border-bleu bg-bleu-clair p-4">
          <p>Vous n&apos;avez aucune notification.</p>
          {user.role === 'CANDIDAT' && (
            <p className="mt-2">
              Vous serez prévenu ici dès qu&apos;une structure répondra à l&apos;une de vos candidatures.{' '}
              <Link href="/candidat/candidatures">Mes candidatures</Link>
            </p>
          )}
        </div>
      ) : (
        <>
          <p className="mb-4">
            {unread === 0 ? 'Toutes vos notifications sont lues.' : unread > 1 ? `${unread} notifications non lues.` : '1 notification non lue.'}
          </p>
          {/* always mounted: its confirmation stays once the list is refreshed with nothing left unread */}
          <MarkAllRead unread={unread} />
          <ul className="space-y-3" aria-label="Mes notifications">
            {result.items.map((n) => (
              <li key={n.id} className={`border p-4 ${n.readAt ? 'border-bordure' : 'border-bleu border-l-4'}`}>
                <p className="flex flex-wrap items-center gap-2">
                  {!n.readAt && <span className="border border-bleu bg-bleu-clair px-2 py-0.5 text-sm font-bold text-bleu">Non lue</span>}
                  {/* a plain link: /notifications/<id> is a route handler (marks it read, then redirects) */}
                  <a href={`/notifications/${n.id}`} className={n.readAt ? '' : 'font-bold'}>
                    {n.titre}
                  </a>
                </p>
                {n.corps && <p className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]">{n.corps}</p>}
                <p className="mt-1 text-sm text-gray-700">Le {formatDate(n.createdAt)}</p>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={result.pages} hrefFor={hrefFor} label="Pages de mes notifications" />
        </>
      )}
    </>
  );
}
