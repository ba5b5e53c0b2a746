import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import type { OffrePubliqueDetail } from '@/lib/data/offres-publiques';
import { formatNumero } from '@/lib/format';
import { offresHref } from './format';

export const OFFRE_INDISPONIBLE_TITLE = "Cette offre n'est plus disponible";

/** An offer that was public but is no longer « En cours » (pourvue or archivée): answered 410. */
export function OffreIndisponible({ offre }: { offre: Pick<OffrePubliqueDetail, 'numero' | 'metier' | 'departementCode' | 'departementNom'> }) {
  return (
    <>
      <PageHeader title={OFFRE_INDISPONIBLE_TITLE} crumbs={[{ label: 'Offres', href: '/offres' }]} />
      <div className="max-w-3xl border-l-4 border-bleu bg-bleu-clair p-4">
        <p>
          L&apos;offre <span className="font-bold">OFFRE {formatNumero('offre', offre.numero)}</span> ({offre.metier}) a été pourvue
          ou n&apos;est plus d&apos;actualité : il n&apos;est plus possible d&apos;y postuler.
        </p>
      </div>
      <p className="mt-6 font-medium">D&apos;autres offres vous attendent :</p>
      <ul className="mt-2 list-disc pl-6">
        {offre.departementCode && (
          <li>
            <Link
              href={offresHref({ q: undefined, departement: offre.departementCode, commune: undefined, types: [], niveau: undefined })}
            >
              Les offres en cours dans le département {offre.departementNom ? `${offre.departementNom} (${offre.departementCode})` : offre.departementCode}
            </Link>
          </li>
        )}
        <li>
          <Link href="/offres">Toutes les offres en cours</Link>
        </li>
      </ul>
    </>
  );
}
