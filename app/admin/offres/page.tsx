import Form from 'next/form';
import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/guards';
import { ADMIN_OFFRES_PAGE_SIZE, listOffresAdmin } from '@/lib/data/admin-offres';
import { OffresTable } from './_components/offres-table';
import { STATUT_OPTIONS, offresHref, parseAdminOffresSearch } from './_components/messages';

export const metadata = { title: 'Offres' };

/** « Offres »: every offer of the platform, searchable; an open one can be unpublished. */
export default async function AdminOffresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const search = parseAdminOffresSearch(await searchParams);
  const { rows, total, page, pageCount } = await listOffresAdmin(admin, search);
  const first = (page - 1) * ADMIN_OFFRES_PAGE_SIZE + 1;
  const statutSlug = STATUT_OPTIONS.find((s) => s.statut === search.statut)?.slug;
  const exportParams = new URLSearchParams();
  if (statutSlug) exportParams.set('statut', statutSlug);
  if (search.q) exportParams.set('q', search.q);
  const exportQuery = exportParams.toString();

  return (
    <>
      <PageHeader title="Offres" crumbs={[{ label: 'Administration', href: '/admin' }]} />
      <p className="mb-4">
        Toutes les offres publiées par les structures. Une offre en cours qui ne respecte pas les règles de la plateforme peut être dépubliée : elle est
        archivée, retirée du site, et la structure est prévenue par e-mail avec le motif.
      </p>

      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <Form action="/admin/offres" role="search" aria-label="Rechercher une offre" className="max-w-3xl flex-1">
          <div className="flex flex-wrap items-end gap-4">
            <div className="min-w-64 flex-1">
              <label htmlFor="q" className="block font-medium">
                Rechercher une offre
              </label>
              <p id="q-hint" className="mt-1 text-sm text-gray-700">
                Par métier, structure, employeur ou numéro. Les accents et les majuscules sont ignorés.
              </p>
              <input key={search.q ?? ''} id="q" name="q" type="search" defaultValue={search.q ?? ''} maxLength={100} aria-describedby="q-hint" className={`${inputClasses()} mt-1 w-full`} />
            </div>
            <div>
              <label htmlFor="statut" className="block font-medium">
                Statut
              </label>
              <select key={statutSlug ?? ''} id="statut" name="statut" defaultValue={statutSlug ?? ''} className={`${inputClasses()} mt-1`}>
                <option value="">Tous les statuts</option>
                {STATUT_OPTIONS.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.label}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit">Rechercher</Button>
          </div>
          {(search.q || search.statut) && (
            <p className="mt-2">
              <Link href="/admin/offres">Effacer la recherche</Link>
            </p>
          )}
        </Form>
        <a href={exportQuery ? `/admin/offres/export?${exportQuery}` : '/admin/offres/export'} download className="font-medium">
          Exporter en CSV<span className="sr-only"> les offres de cette recherche</span>
        </a>
      </div>

      <p role="status" className="mb-2 font-medium">
        {total === 0
          ? 'Aucune offre ne correspond à cette recherche.'
          : `${total} offre${total > 1 ? 's' : ''}${pageCount > 1 ? ` (de ${first} à ${first + rows.length - 1})` : ''}.`}
      </p>

      <OffresTable rows={rows} caption={`Offres${search.q ? ` correspondant à « ${search.q} »` : ''}${pageCount > 1 ? `, page ${page} sur ${pageCount}` : ''}`} />

      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => offresHref({ q: search.q, statut: search.statut, page: p })} label="Pages des offres" />
    </>
  );
}
