import Link from 'next/link';
import { ProjetCard } from '@/components/espace/projet-card';
import { PageHeader } from '@/components/layout/page-header';
import { ButtonLink } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/guards';
import { listMyFavoris } from '@/lib/data/profils-detail';
import { formatNumero } from '@/lib/format';
import { nombreProjetsFavoris } from '@/lib/validations/profils-contact';
import { FavorisProvider, RetirerFavori } from './_components/retirer-favori';

export const metadata = { title: 'Projets favoris', robots: { index: false } };

function pageParam(value: string | string[] | undefined): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

const hrefFor = (page: number) => (page > 1 ? `/mon-espace/favoris?page=${page}` : '/mon-espace/favoris');

/**
 * « Projets favoris »: the projects the user marked with the heart and that their candidates still
 * make visible, the latest first. Favourites belong to the user, not to the structure.
 */
export default async function ProjetsFavorisPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireStaff();
  const requested = pageParam((await searchParams).page);
  let result = await listMyFavoris(user, requested);
  // an old link past the last page (or the last favourite of a page removed) shows the last one
  if (requested > result.pages && result.total > 0) result = await listMyFavoris(user, result.pages);
  const page = Math.min(requested, result.pages);

  return (
    <>
      <PageHeader title="Projets favoris" crumbs={[{ label: 'Mon espace', href: '/mon-espace' }]}>
        <p className="mt-2 text-lg font-medium" data-testid="favoris-total">
          {nombreProjetsFavoris(result.total)}
        </p>
      </PageHeader>
      <FavorisProvider signature={`${page}:${result.total}:${result.items.map((p) => p.numero).join(',')}`}>
        {result.total === 0 ? (
          <div className="max-w-3xl border-l-4 border-bleu bg-bleu-clair p-4">
            <p>Vous n&apos;avez encore aucun profil favori.</p>
            <p className="mt-2">
              Recherchez des profils de candidat ; lorsque vous repérez un candidat qui vous intéresse, cliquez sur « Détails » puis
              cochez l&apos;icône « Coeur ». Vous retrouverez ici tous vos profils favoris et vous pourrez les contacter.
            </p>
            <p className="mt-4">
              <ButtonLink href="/mon-espace/profils">Rechercher des profils</ButtonLink>
            </p>
          </div>
        ) : (
          <>
            {result.pages > 1 && (
              <p className="mb-2 text-sm">
                Page {page} sur {result.pages}
              </p>
            )}
            <ul aria-label="Projets favoris" className="grid gap-4 lg:grid-cols-2">
              {result.items.map((projet) => (
                <li key={projet.numero}>
                  <ProjetCard
                    projet={projet}
                    action={<RetirerFavori numero={projet.numero} numeroAffiche={formatNumero('projet', projet.numero)} />}
                  />
                </li>
              ))}
            </ul>
            <Pagination page={page} pageCount={result.pages} hrefFor={hrefFor} label="Pages des projets favoris" />
            <p className="mt-8">
              <Link href="/mon-espace/profils">Rechercher d&apos;autres profils</Link>
            </p>
          </>
        )}
      </FavorisProvider>
    </>
  );
}
