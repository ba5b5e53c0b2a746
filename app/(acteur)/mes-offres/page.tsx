import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { ButtonLink } from '@/components/ui/button';
import { requireStaff } from '@/lib/auth/guards';
import { listMesOffres } from '@/lib/data/mes-offres';
import {
  MES_OFFRES_MESSAGES,
  MES_OFFRES_ONGLETS,
  mesOffresHref,
  ongletFromSlug,
  parseMesOffresParams,
} from '@/lib/validations/mes-offres';
import { OffreCard } from './_components/offre-card';
import { OffreStatusProvider } from './_components/offre-status';
import { Pagination } from '@/components/ui/pagination';

export const metadata = { title: 'Suivi de mes offres' };

/**
 * « Mes offres — Suivi de mes offres »: the structure's offers by status (« En cours »,
 * « Pourvues », « Archivées »), 20 per page, most recently published first. Every member of the
 * structure sees and manages all of its offers.
 */
export default async function MesOffresPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff();
  const params = parseMesOffresParams(await searchParams);
  const data = await listMesOffres(user, params);
  if (data.pageCount > 0 && data.page > data.pageCount) redirect(mesOffresHref(data.statut, data.pageCount));
  const onglet = ongletFromSlug(data.statut);
  const titre = `Offres ${onglet.label.toLowerCase()}`;

  return (
    <>
      <PageHeader title="Suivi de mes offres" crumbs={[{ label: 'Mes offres' }]} />
      <p className="mb-6">
        <ButtonLink href="/mes-offres/nouvelle">Création d&apos;une nouvelle offre</ButtonLink>
      </p>

      <nav aria-label="Mes offres par statut" data-tutoriel="offres-statuts">
        <ul className="grid max-w-2xl grid-cols-3 gap-2 text-center sm:gap-3">
          {MES_OFFRES_ONGLETS.map((o) => {
            const current = o.slug === data.statut;
            const count = data.counts[o.status];
            return (
              <li key={o.slug}>
                <Link
                  href={mesOffresHref(o.slug)}
                  aria-current={current ? 'page' : undefined}
                  className={`block h-full border-2 p-2 no-underline sm:p-4 ${current ? 'border-bleu bg-bleu-clair' : 'border-bordure hover:border-bleu'}`}
                >
                  <span className={`block font-medium ${current ? 'underline underline-offset-4' : ''}`}>{o.label}</span>
                  <span className="block text-3xl font-bold text-bleu">{count}</span>
                  <span className="sr-only"> offre{count > 1 ? 's' : ''}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <ul className="mt-4 max-w-3xl space-y-1 text-sm">
        {MES_OFFRES_ONGLETS.map((o) => (
          <li key={o.slug}>
            <strong>&quot;{o.label}&quot;</strong> : {o.explication}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">{MES_OFFRES_MESSAGES.aToutMoment}</p>

      <section aria-labelledby="liste-titre" className="mt-8">
        <h2 id="liste-titre" className="text-2xl font-bold text-bleu">
          {titre}
        </h2>
        {data.pageCount > 1 && (
          <p className="mt-1 text-sm">
            Page {data.page} sur {data.pageCount}
          </p>
        )}
        <OffreStatusProvider key={`${data.statut}-${data.page}`}>
          {data.offres.length === 0 ? (
            <p className="mt-4">{onglet.vide}</p>
          ) : (
            <ul aria-labelledby="liste-titre" className="mt-4 grid gap-4 lg:grid-cols-2">
              {data.offres.map((offre) => (
                <li key={offre.numero}>
                  <OffreCard offre={offre} />
                </li>
              ))}
            </ul>
          )}
        </OffreStatusProvider>
        <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => mesOffresHref(data.statut, p)} />
      </section>
    </>
  );
}
