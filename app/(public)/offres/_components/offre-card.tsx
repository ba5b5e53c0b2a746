import Link from 'next/link';
import type { OffrePubliqueResume } from '@/lib/data/offres-publiques';
import { formatDate, formatNumero } from '@/lib/format';
import { DiplomesList } from './diplomes';
import { lieuLabel, typesLabel } from './format';

/** One result of the search: what a candidate needs to decide to open the offer. No contact details. */
export function OffreCard({ offre }: { offre: OffrePubliqueResume }) {
  const numero = `OFFRE ${formatNumero('offre', offre.numero)}`;
  return (
    <article className="flex h-full flex-col border border-bordure p-4 sm:p-5">
      <p className="text-sm font-bold tracking-wide text-gray-700">{numero}</p>
      <h3 className="mt-1 text-lg font-bold uppercase text-bleu [overflow-wrap:anywhere]">{offre.metier}</h3>
      <p className="mt-1 font-medium">{typesLabel(offre.types)}</p>
      <dl className="mt-3 space-y-2 text-sm">
        <div>
          <dt className="font-bold">Lieu</dt>
          <dd>{lieuLabel(offre)}</dd>
        </div>
        <div>
          <dt className="font-bold">Date prévue d&apos;embauche</dt>
          <dd>{formatDate(offre.dateEmbauche)}</dd>
        </div>
        <div>
          <dt className="font-bold">{offre.diplomes.length > 1 ? 'Diplômes préparés' : 'Diplôme préparé'}</dt>
          <dd>
            <DiplomesList diplomes={offre.diplomes} />
          </dd>
        </div>
        <div>
          <dt className="font-bold">Employeur</dt>
          <dd className="[overflow-wrap:anywhere]">{offre.employeur}</dd>
        </div>
      </dl>
      <p className="mt-4 pt-1 md:mt-auto">
        <Link href={`/offres/${offre.numero}`} className="font-medium">
          Voir l&apos;offre<span className="sr-only"> {offre.metier}, {numero}</span>
        </Link>
      </p>
    </article>
  );
}
