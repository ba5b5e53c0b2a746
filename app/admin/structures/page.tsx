import Form from 'next/form';
import Link from 'next/link';
import { inputClasses } from '@/components/forms/field';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { requireAdmin } from '@/lib/auth/guards';
import { ADMIN_STRUCTURES_PAGE_SIZE, listStructures } from '@/lib/data/admin-structures';
import { STRUCTURE_TYPE_LABELS } from '@/lib/labels';
import { formatNumeroStructure, parseAdminStructuresSearch, structuresHref } from './_components/messages';

export const metadata = { title: 'Structures' };

/** « Structures »: every structure of the platform, searchable, each with its detail page. */
export default async function StructuresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const search = parseAdminStructuresSearch(await searchParams);
  const { rows, total, page, pageCount } = await listStructures(admin, search);
  const first = (page - 1) * ADMIN_STRUCTURES_PAGE_SIZE + 1;
  const exportHref = search.q ? `/admin/structures/export?${new URLSearchParams({ q: search.q }).toString()}` : '/admin/structures/export';

  return (
    <>
      <PageHeader title="Structures" crumbs={[{ label: 'Administration', href: '/admin' }]} />
      <p className="mb-4">
        Les structures (CFA, missions locales, organismes de formation…) inscrites sur la plateforme. Ouvrez une structure pour voir ses membres, ses
        employeurs et ses offres, ou pour la désactiver.
      </p>

      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <Form action="/admin/structures" role="search" aria-label="Rechercher une structure" className="max-w-3xl flex-1">
          <label htmlFor="q" className="block font-medium">
            Rechercher une structure
          </label>
          <p id="q-hint" className="mt-1 text-sm text-gray-700">
            Par raison sociale, Siret, numéro ou commune. Les accents et les majuscules sont ignorés.
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
              <Link href="/admin/structures">Effacer la recherche</Link>
            </p>
          )}
        </Form>
        <a href={exportHref} download className="font-medium">
          Exporter en CSV<span className="sr-only"> les structures{search.q ? ` correspondant à « ${search.q} »` : ''}</span>
        </a>
      </div>

      <p role="status" className="mb-2 font-medium">
        {total === 0
          ? search.q
            ? `Aucune structure ne correspond à « ${search.q} ».`
            : 'Aucune structure.'
          : `${total} structure${total > 1 ? 's' : ''}${search.q ? ` pour « ${search.q} »` : ''}${pageCount > 1 ? ` (de ${first} à ${first + rows.length - 1})` : ''}.`}
      </p>

      {rows.length > 0 && (
        <div className="overflow-x-auto" role="region" aria-labelledby="structures-caption" tabIndex={0}>
          <table className="w-full border-collapse text-left">
            <caption id="structures-caption" className="sr-only">
              {`Structures${search.q ? ` correspondant à « ${search.q} »` : ''}${pageCount > 1 ? `, page ${page} sur ${pageCount}` : ''}`}
            </caption>
            <thead>
              <tr className="border-b-2 border-gris">
                <th scope="col" className="p-2">Numéro</th>
                <th scope="col" className="p-2">Raison sociale</th>
                <th scope="col" className="p-2">Siret</th>
                <th scope="col" className="p-2">Type</th>
                <th scope="col" className="p-2">Commune</th>
                <th scope="col" className="p-2">Membres</th>
                <th scope="col" className="p-2">Offres en cours</th>
                <th scope="col" className="p-2">État</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id} className="border-b border-bordure align-top" data-structure={s.numero}>
                  <td className="p-2">{formatNumeroStructure(s.numero)}</td>
                  <th scope="row" className="p-2">
                    <Link href={`/admin/structures/${s.numero}`}>{s.raisonSociale}</Link>
                  </th>
                  <td className="p-2 whitespace-nowrap">{s.siret}</td>
                  <td className="p-2">{STRUCTURE_TYPE_LABELS[s.type]}</td>
                  <td className="p-2">
                    {s.codePostal} {s.commune}
                  </td>
                  <td className="p-2">{s.membres}</td>
                  <td className="p-2">{s.offresEnCours}</td>
                  <td className="p-2">{s.active ? (s.completedAt ? 'Active' : 'Active (à compléter)') : <strong>Désactivée</strong>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => structuresHref({ q: search.q, page: p })} label="Pages des structures" />
    </>
  );
}
