import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { listCommunesViteMonStage, listDepartementsNouvelleAquitaine, searchViteMonStage } from '@/lib/data/vite-mon-stage';
import { parseViteMonStageSearch } from '@/lib/validations/vite-mon-stage';
import { structuresCount, viteMonStageHref } from './_components/format';
import { Pagination } from '@/components/ui/pagination';
import { SearchForm } from './_components/search-form';
import { StructureCard } from './_components/structure-card';

export const metadata: Metadata = { title: 'Vite mon stage' };

const TITLE = 'Trouver mon stage de troisième et de seconde en Nouvelle-Aquitaine';

/**
 * Public list of the structures that take 3e / 2de interns. Reading the search params makes the
 * page dynamic: it is rendered on every request, so a structure that unticks its box disappears
 * at once (nothing of it is cached).
 */
export default async function ViteMonStagePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = parseViteMonStageSearch(await searchParams);
  const [departements, allCommunes] = await Promise.all([listDepartementsNouvelleAquitaine(), listCommunesViteMonStage()]);

  // values that are well-formed but offered by none of the fields are ignored too
  const departement = departements.some((d) => d.code === parsed.departement) ? parsed.departement : undefined;
  const communes = departement ? allCommunes.filter((c) => c.departementCode === departement) : allCommunes;
  const commune = communes.some((c) => c.code === parsed.commune) ? parsed.commune : undefined;
  const filters = { departement, commune, niveau: parsed.niveau };

  const { structures, total, page, pageCount } = await searchViteMonStage({ ...filters, page: parsed.page });
  const hasFilters = Boolean(departement || commune || parsed.niveau);

  return (
    <>
      <PageHeader title={TITLE}>
        <div className="mt-4 grid gap-6 md:grid-cols-2">
          <div>
            <p className="font-medium">Le stage d&apos;observation, c&apos;est la découverte :</p>
            <ul className="mt-1 list-disc pl-6">
              <li>du monde professionnel</li>
              <li>des réalités concrètes du travail</li>
              <li>de compétences</li>
            </ul>
            <p className="mt-2">Pour les jeunes, c&apos;est la première immersion dans le monde du travail.</p>
          </div>
          <div>
            <p className="font-medium">Organisation :</p>
            <ul className="mt-1 list-disc pl-6">
              <li>Stagiaires de 3ème : 5 jours (soit 1 semaine) d&apos;accueil.</li>
              <li>Stagiaires de 2de : 10 jours (soit 2 semaines) d&apos;accueil.</li>
            </ul>
            <p className="mt-2">
              Les structures ci-dessous se sont déclarées volontaires pour accueillir des stagiaires : contactez-les
              directement par e-mail ou par téléphone.
            </p>
          </div>
        </div>
      </PageHeader>

      <SearchForm filters={{ ...filters, page }} departements={departements} communes={communes} />

      <section aria-labelledby="resultats-titre" className="mt-8">
        <h2 id="resultats-titre" className="text-xl font-bold text-bleu">
          Structures qui accueillent des stagiaires
        </h2>
        {/* a live region: after a search without reloading, screen readers announce the new count */}
        <p role="status" className="mt-2 font-medium">
          {total === 0 ? 'Aucune structure' : structuresCount(total)}
          {pageCount > 1 && ` — page ${page} sur ${pageCount}`}
        </p>

        {total === 0 ? (
          <div className="mt-4 border-l-4 border-bleu bg-bleu-clair p-4">
            <p className="font-bold">Aucune structure ne correspond à votre recherche.</p>
            <p className="mt-1">
              Élargissez votre recherche : choisissez « Toutes les communes », un département voisin ou « Tous les
              niveaux ».
            </p>
            {hasFilters && (
              <p className="mt-2">
                <Link href="/vite-mon-stage">Réinitialiser les filtres et voir toutes les structures</Link>
              </p>
            )}
          </div>
        ) : (
          <ul className="mt-4 grid gap-4 md:grid-cols-2" aria-labelledby="resultats-titre">
            {structures.map((s) => (
              <li key={s.numero}>
                <StructureCard structure={s} />
              </li>
            ))}
          </ul>
        )}

        <Pagination page={page} pageCount={pageCount} hrefFor={(p) => viteMonStageHref(filters, p)} />
      </section>

      <aside aria-labelledby="referencement-titre" className="mt-10 border border-bordure p-4 sm:p-6">
        <h2 id="referencement-titre" className="text-lg font-bold text-bleu">
          Comment être référencé sur Vite mon stage ?
        </h2>
        <p className="mt-2">
          Vous êtes un acteur de la formation et de l&apos;insertion ? Au moment de la création de votre compte,
          renseignez les éléments relatifs à votre structure puis, à la fin du formulaire, cochez la case « J&apos;accepte
          de recevoir des stagiaires de troisième (1 semaine) » ou « J&apos;accepte de recevoir des stagiaires de seconde
          (2 semaines) ».
        </p>
        <p className="mt-2">
          <Link href="/mon-compte/structure">Ma structure</Link> · <Link href="/aide/mode-emploi#stage-de-troisieme">Focus sur le stage de troisième</Link>
        </p>
      </aside>
    </>
  );
}
