import Form from 'next/form';
import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/guards';
import { ADMIN_EMAILS_PAGE_SIZE, listEmails } from '@/lib/data/admin-emails';
import { EMAIL_TABS } from './_components/messages';
import { EmailsTable } from './_components/emails-table';
import { hrefFor, parseAdminEmailsSearch, slugOf } from './_components/search-params';

export const metadata = { title: 'E-mails' };

/** « E-mails »: the outbox (pending, sent, failed), newest first; a failed e-mail can be sent again. */
export default async function EmailsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const search = parseAdminEmailsSearch(await searchParams);
  const { rows, total, page, pageCount, counts } = await listEmails(admin, search);
  const current = EMAIL_TABS.find((t) => t.statut === search.statut)!;
  const first = (page - 1) * ADMIN_EMAILS_PAGE_SIZE + 1;
  const exportHref = hrefFor({ statut: search.statut, q: search.q, page: 1 }, '/admin/emails/export');

  return (
    <>
      <PageHeader title="E-mails" crumbs={[{ label: 'Administration', href: '/admin' }]} />
      <p className="mb-4">
        Tous les e-mails envoyés par la plateforme passent par cette file. Un e-mail en échec peut être renvoyé avec « Réessayer ».
      </p>

      <nav aria-label="Statut des e-mails" className="mb-6">
        <ul className="flex flex-wrap gap-2 border-b border-bordure">
          {EMAIL_TABS.map((tab) => {
            const active = tab.statut === search.statut;
            return (
              <li key={tab.slug}>
                <Link
                  href={hrefFor({ statut: tab.statut, q: search.q, page: 1 })}
                  aria-current={active ? 'page' : undefined}
                  className={`inline-block border-b-4 px-4 py-2 ${active ? 'border-bleu font-bold' : 'border-transparent'}`}
                >
                  {tab.label} ({tab.statut ? counts[tab.statut] : counts.all})
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <Form action="/admin/emails" role="search" aria-label="Rechercher parmi les e-mails" className="max-w-3xl flex-1">
          {search.statut && <input type="hidden" name="statut" value={slugOf(search.statut)} />}
          <label htmlFor="q" className="block font-medium">
            Rechercher un e-mail
          </label>
          <p id="q-hint" className="mt-1 text-sm text-gray-700">
            Par adresse du destinataire ou par objet. Les majuscules sont ignorées.
          </p>
          <div className="mt-1 flex flex-wrap gap-2">
            <input
              key={search.q ?? ''}
              id="q"
              name="q"
              type="search"
              defaultValue={search.q ?? ''}
              maxLength={100}
              aria-describedby="q-hint"
              className={`${inputClasses()} max-w-md flex-1`}
            />
            <Button type="submit">Rechercher</Button>
          </div>
          {search.q && (
            <p className="mt-2">
              <Link href={hrefFor({ statut: search.statut, page: 1 })}>Effacer la recherche</Link>
            </p>
          )}
        </Form>
        <a href={exportHref} download className="font-medium">
          Exporter en CSV<span className="sr-only"> les e-mails « {current.label} »</span>
        </a>
      </div>

      <p role="status" className="mb-2 font-medium">
        {total === 0
          ? search.q
            ? `Aucun e-mail « ${current.label} » ne correspond à « ${search.q} ».`
            : `Aucun e-mail « ${current.label} ».`
          : `${total} e-mail${total > 1 ? 's' : ''}${search.q ? ` pour « ${search.q} »` : ''}${pageCount > 1 ? ` (de ${first} à ${first + rows.length - 1})` : ''}.`}
      </p>

      {/* always mounted: the « Réessayer » message stays when the row leaves the list */}
      <EmailsTable
        rows={rows}
        caption={`E-mails « ${current.label} »${search.q ? ` correspondant à « ${search.q} »` : ''}${pageCount > 1 ? `, page ${page} sur ${pageCount}` : ''}`}
      />

      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor({ statut: search.statut, q: search.q, page: p })} label="Pages des e-mails" />
    </>
  );
}
