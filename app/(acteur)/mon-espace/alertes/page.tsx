import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Pagination } from '@/components/ui/pagination';
import { requireStaff } from '@/lib/auth/guards';
import { listAlertes } from '@/lib/data/alertes';
import { formatNumero } from '@/lib/format';
import { parseNumero } from '@/lib/validations/candidat';
import { AlerteCard } from '../_components/alerte-item';

export const metadata = { title: 'Alertes' };

function pageOf(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** Every alert of the structure, best matches first. */
export default async function AlertesPage({ searchParams }: { searchParams: Promise<{ page?: string; offre?: string }> }) {
  const user = await requireStaff();
  const params = await searchParams;
  const page = pageOf(params.page);
  // « ?offre=<numero> »: the alerts of one offer (an unknown or foreign number simply lists nothing)
  const offreNumero = parseNumero(params.offre) ?? undefined;
  const { total, items, pages } = await listAlertes(user, page, { offreNumero });
  const base = offreNumero ? `/mon-espace/alertes?offre=${offreNumero}&` : '/mon-espace/alertes?';
  return (
    <>
      <PageHeader title="Alertes" crumbs={[{ label: 'Mon espace', href: '/mon-espace' }, { label: 'Alertes' }]} />
      <p className="mb-4">
        Les projets de candidats qui correspondent à vos offres en cours : même métier (ou métier proche), un type de contrat commun, la zone
        de recherche et le niveau visé. Seuls les candidats qui ont rendu leur projet visible apparaissent.
      </p>
      {offreNumero && (
        <p className="mb-4">
          Alertes de l&apos;OFFRE {formatNumero('offre', offreNumero)} — <Link href="/mon-espace/alertes">voir les alertes de toutes vos offres</Link>
        </p>
      )}
      <p className="mb-4 font-bold" role="status">
        {total === 0 ? 'Aucune alerte' : total === 1 ? '1 alerte' : `${total} alertes`}
      </p>
      {items.length === 0 ? (
        <p>Aucun projet de candidat ne correspond pour l&apos;instant à vos offres en cours. Les alertes apparaissent d&apos;elles-mêmes dès qu&apos;un projet correspond.</p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {items.map((a) => (
            <AlerteCard key={a.id} alerte={a} />
          ))}
        </ul>
      )}
      <Pagination page={page} pageCount={pages} hrefFor={(p) => `${base}page=${p}`} label="Pages des alertes" />
    </>
  );
}
