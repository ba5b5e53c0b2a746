import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { listSearchOptions, searchOffresPubliques } from '@/lib/data/offres-publiques';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { parseOffresPubliquesSearch } from '@/lib/validations/offres-publiques';
import { offresCount, offresHref, type OffresSearchFilters } from './_components/format';
import { OffreCard } from './_components/offre-card';
import { Pagination } from '@/components/ui/pagination';
import { SearchForm } from './_components/search-form';

export const metadata: Metadata = {
  title: 'Offres en alternance',
  description:
    "Offres de contrats d'apprentissage, de contrats de professionnalisation et de stages professionnels en Nouvelle-Aquitaine.",
};

const TITLE = 'Offres en alternance';

/**
 * The public search. Reading the search params makes the page dynamic: it is rendered on every
 * request, so a filled or archived offer disappears at once. Three statements per request: the
 * form's options, the page of results and its count.
 */
export default async function OffresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = parseOffresPubliquesSearch(await searchParams);
  // a link with a commune but no département (?commune=33063): the commune's département is chosen
  const departementAsked = parsed.departement ?? parsed.commune?.slice(0, 2);
  const departements = await listSearchOptions(departementAsked);

  // values that are well-formed but offered by none of the fields are ignored too
  const chosen = departements.find((d) => d.code === departementAsked);
  const commune = chosen?.communes?.some((c) => c.code === parsed.commune) ? parsed.commune : undefined;
  const filters: OffresSearchFilters = {
    q: parsed.q,
    departement: chosen && (parsed.departement || commune) ? chosen.code : undefined,
    commune,
    types: parsed.types,
    niveau: parsed.niveau,
  };

  const { offres, total, page, pageCount } = await searchOffresPubliques({ ...filters, page: parsed.page });

  return (
    <>
      <PageHeader title={TITLE} crumbs={[]}>
        <p className="mt-3 max-w-3xl">
          Contrats d&apos;apprentissage, contrats de professionnalisation et stages professionnels proposés en Nouvelle-Aquitaine
          par les acteurs de la formation et de l&apos;insertion. Pour postuler en ligne, connectez-vous avec votre compte
          candidat.
        </p>
      </PageHeader>

      <SearchForm filters={filters} departements={departements} />

      <section aria-labelledby="resultats-titre" className="mt-8">
        <h2 id="resultats-titre" className="text-xl font-bold text-bleu">
          Offres en cours
        </h2>
        {/* a live region: after a search without reloading, screen readers announce the new count */}
        <p role="status" className="mt-2 font-medium">
          {total === 0 ? 'Aucune offre' : `${offresCount(total)} ${total > 1 ? 'correspondent' : 'correspond'} à votre recherche`}
          {pageCount > 1 && ` — page ${page} sur ${pageCount}`}
        </p>

        {total === 0 ? (
          <EmptyState filters={filters} departementNom={chosen?.nom} />
        ) : (
          <ul className="mt-4 grid gap-4 md:grid-cols-2" aria-labelledby="resultats-titre">
            {offres.map((o) => (
              <li key={o.numero}>
                <OffreCard offre={o} />
              </li>
            ))}
          </ul>
        )}

        <Pagination page={page} pageCount={pageCount} hrefFor={(p) => offresHref(filters, p)} label="Pagination des offres" />
      </section>
    </>
  );
}

/** No result: say so, then offer to drop each criterion one by one (each a plain link). */
function EmptyState({ filters, departementNom }: { filters: OffresSearchFilters; departementNom?: string }) {
  const widen: { label: string; href: string }[] = [];
  if (filters.q) widen.push({ label: `Retirer le mot-clé « ${filters.q} »`, href: offresHref({ ...filters, q: undefined }) });
  if (filters.commune) widen.push({ label: 'Toutes les communes du département', href: offresHref({ ...filters, commune: undefined }) });
  if (filters.departement) {
    widen.push({
      label: `Tous les départements (au lieu de ${departementNom ?? filters.departement})`,
      href: offresHref({ ...filters, departement: undefined, commune: undefined }),
    });
  }
  if (filters.types.length > 0) {
    widen.push({
      label: `Tous les types de contrat (au lieu de : ${filters.types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ')})`,
      href: offresHref({ ...filters, types: [] }),
    });
  }
  if (filters.niveau !== undefined) {
    widen.push({ label: `Tous les niveaux (au lieu de ${libelleNiveau(filters.niveau)})`, href: offresHref({ ...filters, niveau: undefined }) });
  }

  return (
    <div className="mt-4 border-l-4 border-bleu bg-bleu-clair p-4">
      <p className="font-bold">Aucune offre en cours ne correspond à votre recherche.</p>
      {filters.q && (
        <p className="mt-1">
          Vérifiez l&apos;orthographe du mot-clé ou essayez un mot plus court ou plus général (par exemple « carreleur » plutôt
          que l&apos;intitulé complet) : chaque mot saisi doit figurer dans l&apos;offre.
        </p>
      )}
      {widen.length > 0 ? (
        <>
          <p className="mt-2">Élargissez votre recherche :</p>
          <ul className="mt-1 list-disc pl-6">
            {widen.map((w) => (
              <li key={w.href}>
                <Link href={w.href}>{w.label}</Link>
              </li>
            ))}
            {widen.length > 1 && (
              <li>
                <Link href="/offres">Voir toutes les offres en cours</Link>
              </li>
            )}
          </ul>
        </>
      ) : (
        <p className="mt-1">De nouvelles offres sont publiées régulièrement : revenez bientôt.</p>
      )}
    </div>
  );
}
