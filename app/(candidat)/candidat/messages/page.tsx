import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireCandidate } from '@/lib/auth/guards';
import { listMyMessages } from '@/lib/data/profils-detail';
import { formatDate, formatNumero } from '@/lib/format';

export const metadata = { title: 'Mes messages', robots: { index: false } };

function pageParam(value: string | string[] | undefined): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

const hrefFor = (page: number) => (page > 1 ? `/candidat/messages?page=${page}` : '/candidat/messages');

/**
 * « Mes messages »: what structures wrote to the candidate after reading one of his visible
 * projects (« CONTACTER CE PROFIL »), newest first, in full. There is no reply on the site: the
 * candidate answers with the contact details the structure gives in its message.
 */
export default async function MesMessagesPage({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  const user = await requireCandidate();
  const requested = pageParam((await searchParams).page);
  let result = await listMyMessages(user, requested);
  if (requested > result.pages && result.total > 0) result = await listMyMessages(user, result.pages);
  const page = Math.min(requested, result.pages);

  return (
    <>
      <PageHeader title="Mes messages" crumbs={[{ label: 'Mon espace candidat', href: '/candidat' }]}>
        <p className="mt-2 max-w-3xl">
          Les acteurs de la formation et de l&apos;insertion qui consultent vos projets visibles peuvent vous écrire. Vous ne pouvez pas
          leur répondre sur CMonAlternance : pour leur répondre, utilisez l&apos;adresse e-mail ou le numéro de téléphone qu&apos;ils
          indiquent dans leur message.
        </p>
      </PageHeader>
      {result.total === 0 ? (
        <div className="max-w-3xl border-l-4 border-bleu bg-bleu-clair p-4">
          <p>Vous n&apos;avez reçu aucun message.</p>
          <p className="mt-2">
            Seuls vos projets visibles par les acteurs de la formation et de l&apos;insertion peuvent leur donner envie de vous écrire :{' '}
            <Link href="/candidat/projets">Mes projets</Link>.
          </p>
        </div>
      ) : (
        <>
          <p className="mb-4">{result.total > 1 ? `${result.total} messages` : '1 message'}, du plus récent au plus ancien.</p>
          <ul className="max-w-4xl space-y-4" aria-label="Mes messages">
            {result.items.map((m) => (
              <li key={m.id} className="border border-bordure p-4 sm:p-5">
                <article aria-labelledby={`message-${m.id}`}>
                  <h2 id={`message-${m.id}`} className="text-lg font-bold text-bleu [overflow-wrap:anywhere]">
                    {m.structure.raisonSociale}
                  </h2>
                  <p className="text-sm">Le {formatDate(m.createdAt)}</p>
                  <p className="mt-1 text-sm">
                    {m.projet ? (
                      <>
                        Au sujet de votre projet <span className="font-bold uppercase">{m.projet.metier}</span> (PROJET{' '}
                        {formatNumero('projet', m.projet.numero)})
                      </>
                    ) : (
                      'Au sujet d’un projet que vous avez supprimé depuis'
                    )}
                  </p>
                  <p className="mt-3 whitespace-pre-line [overflow-wrap:anywhere]">{m.body}</p>
                </article>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageCount={result.pages} hrefFor={hrefFor} label="Pages de mes messages" />
        </>
      )}
    </>
  );
}
