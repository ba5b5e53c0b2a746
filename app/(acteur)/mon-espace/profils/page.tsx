import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/guards';
import { searchProfils } from '@/lib/data/profils';
import { parseProfilsSearch, profilsHref, type ProfilsFilters } from '@/lib/validations/profils';
import { profilsCount } from './_components/format';
import { ProfilCard } from './_components/profil-card';
import { ProfilsSearchForm } from './_components/profils-search-form';
import { ProfilsVide } from './_components/profils-vide';

export const metadata: Metadata = { title: 'Recherche de profils' };

const TITLE = 'Recherche de profils';

/**
 * « Recherche de profils »: the projects candidates made visible to the acteurs, searched by keyword
 * (French full text + near matches) and the filters of « RECHERCHE AVANCÉE ». The search lives in
 * the URL (GET form): shareable, works without JavaScript, back button friendly.
 */
export default async function ProfilsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff();
  const { page: requested, ...filters } = parseProfilsSearch(await searchParams);
  const { items, total, page, pages } = await searchProfils(user, filters satisfies ProfilsFilters, requested);

  return (
    <>
      <PageHeader title={TITLE} crumbs={[{ label: 'Mon espace', href: '/mon-espace' }]}>
        <p className="mt-3 max-w-3xl">
          Les projets des candidats qui ont accepté d&apos;être visibles des acteurs de la formation et de l&apos;insertion. Lorsque
          vous repérez un candidat qui vous intéresse, cliquez sur « Détails » : vous pourrez l&apos;ajouter à vos favoris et le
          contacter.
        </p>
      </PageHeader>

      <ProfilsSearchForm filters={filters} />

      <section aria-labelledby="resultats-titre" className="mt-8">
        <h2 id="resultats-titre" className="text-xl font-bold text-bleu">
          Profils
        </h2>
        {/* a live region: after a search without reloading, screen readers announce the new count */}
        <p role="status" className="mt-2 font-medium" data-testid="profils-total">
          {total === 0 ? 'Aucun profil' : profilsCount(total)}
          {pages > 1 && ` — page ${page} sur ${pages}`}
        </p>

        {total === 0 ? (
          <ProfilsVide filters={filters} />
        ) : (
          <ul className="mt-4 grid gap-4 md:grid-cols-2" aria-labelledby="resultats-titre">
            {items.map((p) => (
              <li key={p.numero}>
                <ProfilCard profil={p} />
              </li>
            ))}
          </ul>
        )}

        <Pagination page={page} pageCount={pages} hrefFor={(p) => profilsHref(filters, p)} label="Pagination des profils" />
      </section>
    </>
  );
}
