import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { requireStaff } from '@/lib/auth/guards';
import { findDemandeFor, listEmployeursFor, type EmployeurRow } from '@/lib/data/employeurs';
import { formatDate, formatNumero } from '@/lib/format';
import { LIEN_EMPLOYEUR_STATUS_LABELS } from '@/lib/labels';
import { EMPLOYEURS_MESSAGES, EMPLOYEURS_PAGE_SIZE, parseEmployeursSearch } from '@/lib/validations/employeurs';
import { FocusOnMount } from '@/components/ui/focus-on-mount';
import { Pagination } from '@/components/ui/pagination';
import { EmployeursSearchForm } from './_components/search-form';

export const metadata = { title: 'Suivi des employeurs' };

const STATUS_STYLES = {
  EN_ATTENTE: 'border-orange text-orange',
  VALIDE: 'border-vert text-vert',
  REFUSE: 'border-rouge text-rouge',
} as const;

function hrefFor(q: string | undefined, page: number) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `/mes-offres/employeurs?${s}` : '/mes-offres/employeurs';
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n > 1 ? many : one}`;
}

function Statut({ row }: { row: EmployeurRow }) {
  return (
    <>
      <span className={`inline-block border px-2 py-0.5 text-sm font-bold ${STATUS_STYLES[row.status]}`}>{LIEN_EMPLOYEUR_STATUS_LABELS[row.status]}</span>
      {row.status === 'REFUSE' && row.motifRefus && (
        <span className="mt-1 block max-w-xs text-sm">
          <span className="font-medium">Motif :</span> {row.motifRefus}
        </span>
      )}
    </>
  );
}

/** « Suivi des employeurs »: the partner employers of the caller's structure and their validation. */
export default async function SuiviEmployeursPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff();
  const params = await searchParams;
  const search = parseEmployeursSearch(params);
  const demandeNumero = typeof params.demande === 'string' ? Number(params.demande) : NaN;
  const [list, demande] = await Promise.all([listEmployeursFor(user, search), Number.isInteger(demandeNumero) ? findDemandeFor(user, demandeNumero) : null]);
  const { rows, total, page, pageCount, counts } = list;
  const q = search.q;
  const first = (page - 1) * EMPLOYEURS_PAGE_SIZE + 1;

  return (
    <>
      <PageHeader title="Suivi des employeurs" crumbs={[{ label: 'Mes offres', href: '/mes-offres' }]} />

      {demande && (
        <>
          <Alert kind="success" id="demande-envoyee" title={`Votre demande d'ajout de « ${demande.raisonSociale} » a été envoyée.`}>
            {EMPLOYEURS_MESSAGES.demandeEnvoyee}
          </Alert>
          <FocusOnMount targetId="demande-envoyee" />
        </>
      )}

      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div>
          <p>A partir de ce menu vous pouvez :</p>
          <ul className="mt-1 list-disc pl-6">
            <li>voir la liste des employeurs que vous avez ajoutés ;</li>
            <li>ajouter des entreprises partenaires pour lesquelles vous souhaitez diffuser des offres.</li>
          </ul>
        </div>
        <ButtonLink href="/mes-offres/employeurs/ajouter" data-tutoriel="ajouter-employeur">
          Ajouter un employeur
        </ButtonLink>
      </div>

      {counts.total === 0 ? (
        <section aria-labelledby="aucun-employeur" className="border-l-4 border-bleu bg-bleu-clair p-4">
          <h2 id="aucun-employeur" className="font-bold">
            Vous n&apos;avez encore ajouté aucun employeur
          </h2>
          <p className="mt-1">
            Pour publier une offre, ajoutez d&apos;abord l&apos;entreprise partenaire qui recrute : renseignez son numéro de Siret, puis envoyez la demande.
            Elle sera validée par l&apos;équipe CMonAlternance.
          </p>
          <p className="mt-3">
            <Link href="/mes-offres/employeurs/ajouter">Ajouter un employeur</Link>
          </p>
        </section>
      ) : (
        <>
          <p className="mb-4" data-testid="employeurs-compteurs">
            <span className="font-medium">{plural(counts.total, 'employeur', 'employeurs')}</span> : {plural(counts.VALIDE, 'validé', 'validés')},{' '}
            {counts.EN_ATTENTE} en attente de validation, {plural(counts.REFUSE, 'refusé', 'refusés')}.
          </p>

          <EmployeursSearchForm q={q} />

          <p role="status" className="mb-2 font-medium">
            {q
              ? total === 0
                ? `Aucun employeur ne correspond à « ${q} ».`
                : `${plural(total, 'employeur trouvé', 'employeurs trouvés')} pour « ${q} »${pageCount > 1 ? ` (de ${first} à ${first + rows.length - 1})` : ''}.`
              : pageCount > 1
                ? `Employeurs ${first} à ${first + rows.length - 1} sur ${total}.`
                : null}
          </p>

          {total === 0 ? (
            <div className="border-l-4 border-bleu bg-bleu-clair p-4">
              <p>Vérifiez l&apos;orthographe, cherchez une partie seulement de la raison sociale, ou les chiffres du Siret ou du numéro.</p>
              <p className="mt-2">
                <Link href="/mes-offres/employeurs">Voir tous vos employeurs</Link> ou, s&apos;il n&apos;est pas dans la liste,{' '}
                <Link href="/mes-offres/employeurs/ajouter">ajouter un employeur</Link>.
              </p>
            </div>
          ) : (
            <div className="overflow-x-auto" role="region" aria-labelledby="employeurs-caption" tabIndex={0}>
              <table className="w-full border-collapse text-left">
                <caption id="employeurs-caption" className="sr-only">
                  Employeurs de votre structure{q ? ` correspondant à « ${q} »` : ''}
                  {pageCount > 1 ? `, page ${page} sur ${pageCount}` : ''}
                </caption>
                <thead>
                  <tr className="border-b-2 border-gris">
                    <th scope="col" className="p-2">Statut</th>
                    <th scope="col" className="p-2">Raison sociale</th>
                    <th scope="col" className="p-2">Siret</th>
                    <th scope="col" className="p-2">Numéro</th>
                    <th scope="col" className="p-2">Commune</th>
                    <th scope="col" className="p-2">Date de la demande</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id} className="border-b border-bordure align-top">
                      <td className="p-2">
                        <Statut row={row} />
                      </td>
                      <th scope="row" className="p-2 font-medium">
                        {row.raisonSociale}
                      </th>
                      <td className="p-2 whitespace-nowrap">{row.siret}</td>
                      <td className="p-2">{formatNumero('employeur', row.numero)}</td>
                      <td className="p-2">{[row.ville, row.codePostal ? `(${row.codePostal})` : null].filter(Boolean).join(' ') || '—'}</td>
                      <td className="p-2">{formatDate(row.requestedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => hrefFor(q, p)} label="Pages des employeurs" />
        </>
      )}
    </>
  );
}
