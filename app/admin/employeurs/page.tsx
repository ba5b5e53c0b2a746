import Form from 'next/form';
import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { ADMIN_EMPLOYEURS_PAGE_SIZE, listDemandesEmployeurs } from '@/lib/data/admin-employeurs';
import { DemandesTable } from './_components/demandes-table';
import { STATUT_TABS } from './_components/messages';
import { hrefFor, parseAdminEmployeursSearch } from './_components/search-params';
import { requireAdmin } from '@/lib/auth/guards';

export const metadata = { title: "Demandes d'employeurs" };

/** « Demandes d'employeurs »: the structures' requests to add an employer, to validate or refuse. */
export default async function DemandesEmployeursPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const search = parseAdminEmployeursSearch(await searchParams);
  const { rows, total, page, pageCount, counts } = await listDemandesEmployeurs(admin, { statut: search.statut, q: search.q, page: search.page });
  const current = STATUT_TABS.find((t) => t.statut === search.statut)!;
  const first = (page - 1) * ADMIN_EMPLOYEURS_PAGE_SIZE + 1;
  const exportParams = new URLSearchParams({ statut: current.slug });
  if (search.q) exportParams.set('q', search.q);

  return (
    <>
      <PageHeader title="Demandes d'employeurs" crumbs={[{ label: 'Administration', href: '/admin' }]} />
      <p className="mb-4">
        Les structures demandent l&apos;ajout des entreprises partenaires pour lesquelles elles souhaitent diffuser des offres. Vérifiez chaque demande, en
        particulier ses alertes, puis validez-la ou refusez-la : les membres de la structure sont prévenus par e-mail.
      </p>

      <nav aria-label="Statut des demandes" className="mb-6">
        <ul className="flex flex-wrap gap-2 border-b border-bordure">
          {STATUT_TABS.map((tab) => {
            const active = tab.statut === search.statut;
            return (
              <li key={tab.slug}>
                <Link
                  href={hrefFor({ statut: tab.statut, q: search.q, page: 1 })}
                  aria-current={active ? 'page' : undefined}
                  className={`inline-block border-b-4 px-4 py-2 ${active ? 'border-bleu font-bold' : 'border-transparent'}`}
                >
                  {tab.label} ({counts[tab.statut]})
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <Form action="/admin/employeurs" role="search" aria-label="Rechercher parmi les demandes" className="max-w-3xl flex-1">
          <input type="hidden" name="statut" value={current.slug} />
          <label htmlFor="q" className="block font-medium">
            Rechercher une demande
          </label>
          <p id="q-hint" className="mt-1 text-sm text-gray-700">
            Par raison sociale ou Siret de l&apos;employeur ou de la structure. Les accents et les majuscules sont ignorés.
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
        <a href={`/admin/employeurs/export?${exportParams.toString()}`} download className="font-medium">
          Exporter en CSV<span className="sr-only"> les demandes « {current.label} »</span>
        </a>
      </div>

      <p role="status" className="mb-2 font-medium">
        {total === 0
          ? search.q
            ? `Aucune demande « ${current.label} » ne correspond à « ${search.q} ».`
            : search.statut === 'EN_ATTENTE'
              ? 'Aucune demande en attente : tout est traité.'
              : `Aucune demande « ${current.label} ».`
          : `${total} demande${total > 1 ? 's' : ''}${search.q ? ` pour « ${search.q} »` : ''}${pageCount > 1 ? ` (de ${first} à ${first + rows.length - 1})` : ''}.`}
      </p>

      {/* always mounted: its result banner stays when the last row of the page has just been decided */}
      <DemandesTable rows={rows} statut={search.statut} caption={`Demandes « ${current.label} »${search.q ? ` correspondant à « ${search.q} »` : ''}${pageCount > 1 ? `, page ${page} sur ${pageCount}` : ''}`} />

      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor({ statut: search.statut, q: search.q, page: p })} label="Pages des demandes" />
    </>
  );
}
