import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireCandidate } from '@/lib/auth/guards';
import { listMyCandidatures } from '@/lib/data/candidatures';
import { formatDate, formatNumero } from '@/lib/format';
import { Reponse, StatutBadge } from './_components/statut';

export const metadata = { title: 'Mes candidatures' };

function pageParam(value: string | string[] | undefined): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

const hrefFor = (page: number) => (page > 1 ? `/candidat/candidatures?page=${page}` : '/candidat/candidatures');

/** « Mes candidatures »: the candidate's own applications, newest first, with the structure's answers in full. */
export default async function MesCandidaturesPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireCandidate();
  const requested = pageParam((await searchParams).page);
  let result = await listMyCandidatures(user, requested);
  // an old link past the last page shows the last one
  if (requested > result.pages && result.total > 0) result = await listMyCandidatures(user, result.pages);
  const page = Math.min(requested, result.pages);

  return (
    <>
      <PageHeader title="Mes candidatures" crumbs={[{ label: 'Mon espace candidat', href: '/candidat' }]} />
      {result.total === 0 ? (
        <div className="border-l-4 border-bleu bg-bleu-clair p-4">
          <p>Vous n&apos;avez encore envoyé aucune candidature.</p>
          <p className="mt-2">
            <Link href="/offres">Rechercher une offre</Link> puis cliquez sur « Postuler » pour envoyer votre projet à la structure qui
            la suit.
          </p>
        </div>
      ) : (
        <>
          <p className="mb-4">
            {result.total > 1 ? `${result.total} candidatures` : '1 candidature'}, de la plus récente à la plus ancienne. La structure qui
            suit l&apos;offre vous répond ici ; vous êtes aussi prévenu par e-mail.
          </p>
          <ul className="space-y-4" aria-label="Mes candidatures">
            {result.items.map((c) => {
              const numero = formatNumero('candidature', c.numero);
              const offre = c.offreSnapshot;
              const offreNumero = `OFFRE ${formatNumero('offre', c.offre.numero)}`;
              return (
                <li key={c.numero} className="border border-bordure p-4 sm:p-5">
                  <article aria-labelledby={`candidature-${c.numero}`}>
                    <h2 id={`candidature-${c.numero}`} className="text-lg font-bold text-bleu">
                      Candidature N°{numero}
                    </h2>
                    <p className="mt-1 font-bold uppercase [overflow-wrap:anywhere]">{offre.metier}</p>
                    <p className="text-sm">
                      {c.offre.status === 'EN_COURS' ? <Link href={`/offres/${c.offre.numero}`}>{offreNumero}</Link> : offreNumero}
                      {c.offre.status !== 'EN_COURS' && " (cette offre n'est plus en cours)"}
                    </p>
                    {(offre.employeur || offre.structure) && (
                      <p className="text-sm [overflow-wrap:anywhere]">
                        {offre.employeur && <>Employeur : {offre.employeur}</>}
                        {offre.employeur && offre.structure && ' — '}
                        {offre.structure && <>Offre suivie par : {offre.structure}</>}
                      </p>
                    )}
                    <p className="mt-2 text-sm">Candidaté le {formatDate(c.createdAt)}</p>
                    <p className="mt-2">
                      Statut : <StatutBadge status={c.status} />
                    </p>
                    {c.reponseMessage && <Reponse message={c.reponseMessage} answeredAt={c.answeredAt} />}
                    <p className="mt-3">
                      <Link href={`/candidat/candidatures/${c.numero}`}>
                        Voir ma candidature<span className="sr-only"> N°{numero}</span>
                      </Link>
                    </p>
                  </article>
                </li>
              );
            })}
          </ul>
          <Pagination page={page} pageCount={result.pages} hrefFor={hrefFor} label="Pages de mes candidatures" />
        </>
      )}
    </>
  );
}
