import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { Button } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/guards';
import { countCandidaturesRecues, listCandidaturesRecues, listOffresAvecCandidatures } from '@/lib/data/candidatures-recues';
import { formatNumero } from '@/lib/format';
import { CandidatureCard } from './_components/candidature-card';
import {
  CANDIDATURES_ONGLETS,
  CANDIDATURES_PATH,
  CANDIDATURES_TEXTES,
  candidaturesHref,
  candidaturesRecuesLabel,
  parseCandidaturesParams,
} from './_components/onglets';

export const metadata = { title: 'Candidatures sur mes offres' };

/**
 * « Tableau de bord — Candidatures sur mes offres »: the applications to the structure's offers by
 * status (« À traiter », « Acceptées », « Refusées », whose counts add up to the total), 20 per page,
 * newest first, optionally for one offer. Every member of the structure shares this inbox.
 */
export default async function CandidaturesRecuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff();
  const { onglet, offre, page } = parseCandidaturesParams(await searchParams);
  const [counts, offres, list] = await Promise.all([
    countCandidaturesRecues(user, offre),
    listOffresAvecCandidatures(user),
    listCandidaturesRecues(user, { status: onglet.status, offreNumero: offre }, page),
  ]);
  // an old link past the last page shows the last one
  if (list.pageCount > 0 && list.page > list.pageCount) redirect(candidaturesHref(onglet.slug, { offre, page: list.pageCount }));
  const offreChoisie = offre ? offres.find((o) => o.numero === offre) : undefined;
  const pourOffre = offre ? ` pour l'OFFRE ${formatNumero('offre', offre)}` : '';

  return (
    <>
      <PageHeader title="Candidatures sur mes offres" crumbs={[{ label: 'Mon espace', href: '/mon-espace' }]}>
        <p className="mt-2 text-xl" data-testid="total-candidatures">
          Tableau de bord — <strong>{candidaturesRecuesLabel(counts.total)}</strong>
          {pourOffre}
        </p>
      </PageHeader>

      <p className="mb-4 max-w-3xl">
        À partir de ce menu vous pouvez <strong>gérer les candidatures</strong> à vos offres et <strong>répondre</strong> à une
        candidature. {CANDIDATURES_TEXTES.passerParTableauDeBord}
      </p>

      <nav aria-label="Candidatures par statut" data-tutoriel="candidatures-statuts">
        <ul className="grid max-w-2xl grid-cols-3 gap-2 text-center sm:gap-3">
          {CANDIDATURES_ONGLETS.map((o) => {
            const current = o.slug === onglet.slug;
            const count = counts[o.status];
            return (
              <li key={o.slug}>
                <Link
                  href={candidaturesHref(o.slug, { offre })}
                  aria-current={current ? 'page' : undefined}
                  data-testid={`onglet-${o.slug}`}
                  className={`block h-full border-2 p-2 no-underline sm:p-4 ${current ? 'border-bleu bg-bleu-clair' : 'border-bordure hover:border-bleu'}`}
                >
                  <span className={`block font-medium ${current ? 'underline underline-offset-4' : ''}`}>{o.label}</span>
                  <span className="block text-3xl font-bold text-bleu" data-testid="onglet-count">
                    {count}
                  </span>
                  <span className="sr-only"> candidature{count > 1 ? 's' : ''}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <ul className="mt-4 max-w-3xl space-y-2 text-sm">
        <li>
          <strong>« À traiter »</strong> : {CANDIDATURES_TEXTES.aTraiter}
        </li>
        <li>
          <strong>« Acceptées »</strong> : <strong>{CANDIDATURES_TEXTES.accepteesAttention}</strong> {CANDIDATURES_TEXTES.acceptees}
        </li>
        <li>
          <strong>« Refusées »</strong> : {CANDIDATURES_TEXTES.refusees}
        </li>
      </ul>
      <p className="mt-2 max-w-3xl text-sm">{CANDIDATURES_TEXTES.pourRepondre}</p>

      {offres.length > 0 && (
        <form method="get" action={CANDIDATURES_PATH} role="search" aria-label="Filtrer les candidatures par offre" className="mt-6 flex max-w-2xl flex-wrap items-end gap-3">
          <input type="hidden" name="statut" value={onglet.slug} />
          <div className="min-w-0 flex-1">
            <label htmlFor="filtre-offre" className="block font-medium">
              Filtrer par offre
            </label>
            <select
              id="filtre-offre"
              name="offre"
              defaultValue={offreChoisie ? String(offreChoisie.numero) : ''}
              className="mt-1 block w-full rounded-t border-0 border-b-2 border-gris bg-gris-clair px-3 py-2 text-base"
            >
              <option value="">Toutes les offres</option>
              {offres.map((o) => (
                <option key={o.numero} value={String(o.numero)}>
                  OFFRE {formatNumero('offre', o.numero)} — {o.metier} ({o.candidatures} candidature{o.candidatures > 1 ? 's' : ''})
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" variant="secondary">
            Filtrer
          </Button>
          {offre && (
            <Link href={candidaturesHref(onglet.slug)} className="inline-flex min-h-11 items-center">
              Voir les candidatures de toutes les offres
            </Link>
          )}
        </form>
      )}

      <section aria-labelledby="liste-titre" className="mt-8">
        <h2 id="liste-titre" className="text-2xl font-bold text-bleu">
          {onglet.titre}
          {pourOffre && <span className="block text-base font-medium text-gris">{pourOffre.trim()}</span>}
        </h2>
        {list.pageCount > 1 && (
          <p className="mt-1 text-sm">
            Page {list.page} sur {list.pageCount}
          </p>
        )}
        {list.items.length === 0 ? (
          <div className="mt-4 border-l-4 border-bleu bg-bleu-clair p-4" data-testid="liste-vide">
            {counts.total === 0 && !offre ? (
              <>
                <p>Vous n&apos;avez reçu aucune candidature pour le moment.</p>
                <p className="mt-2">
                  Les candidats postulent à vos offres « En cours » depuis la recherche d&apos;offres du site : retrouvez-les dans{' '}
                  <Link href="/mes-offres">Mes offres</Link>.
                </p>
              </>
            ) : (
              <p>
                {onglet.vide}
                {offre && ' (pour cette offre)'}
              </p>
            )}
          </div>
        ) : (
          <ul aria-labelledby="liste-titre" className="mt-4 grid gap-4 lg:grid-cols-2">
            {list.items.map((c) => (
              <li key={c.numero}>
                <CandidatureCard candidature={c} />
              </li>
            ))}
          </ul>
        )}
        <Pagination
          page={list.page}
          pageCount={list.pageCount}
          hrefFor={(p) => candidaturesHref(onglet.slug, { offre, page: p })}
          label="Pages des candidatures"
        />
      </section>
    </>
  );
}
