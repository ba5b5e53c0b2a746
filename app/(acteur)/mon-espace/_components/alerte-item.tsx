import Link from 'next/link';
import { dismissAlerteAction } from '@/lib/actions/alertes';
import type { AlerteItem } from '@/lib/data/alertes';
import { formatNumero } from '@/lib/format';

/** One alert: the project, the offer it matches, why (chips) and how well; « Ignorer ». */
export function AlerteCard({ alerte }: { alerte: AlerteItem }) {
  const projet = `PROJET ${formatNumero('projet', alerte.projet.numero)}`;
  return (
    <li className="border border-bordure p-3" data-testid="alerte">
      <p className="text-sm font-bold">{projet}</p>
      <p className="font-bold uppercase">
        <Link href={`/mon-espace/profils/${alerte.projet.numero}`}>
          {alerte.projet.metier}
          <span className="sr-only"> — voir le {projet}</span>
        </Link>
      </p>
      <p className="text-sm">
        Correspond à votre offre <Link href={`/mes-offres/${alerte.offre.numero}`}>OFFRE {formatNumero('offre', alerte.offre.numero)}</Link> ({alerte.offre.metier})
        — correspondance {alerte.score} %
      </p>
      <ul aria-label="Pourquoi ce profil" className="mt-2 flex flex-wrap gap-2">
        {alerte.raisons.map((r) => (
          <li key={r} className="border border-bleu bg-bleu-clair px-2 py-0.5 text-sm">
            {r}
          </li>
        ))}
      </ul>
      <form action={dismissAlerteAction as unknown as (formData: FormData) => Promise<void>} className="mt-2">
        <input type="hidden" name="id" value={alerte.id} />
        <button type="submit" className="text-sm text-bleu underline">
          Ignorer<span className="sr-only"> l&apos;alerte du {projet}</span>
        </button>
      </form>
    </li>
  );
}
