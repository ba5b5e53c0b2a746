import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';
import type { ProfilResume } from '@/lib/data/profils';
import { formatNumero } from '@/lib/format';
import { libelleZone } from '@/lib/referentiels/departements';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { typesLabel } from './format';

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline">{label} : </dt>
      <dd className="inline font-bold [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/** One result, as the guide shows it: the project only — nothing that identifies the candidate. */
export function ProfilCard({ profil }: { profil: ProfilResume }) {
  const numero = `PROJET ${formatNumero('projet', profil.numero)}`;
  const id = `profil-${profil.numero}`;
  return (
    <article aria-labelledby={`${id}-numero ${id}-metier`} className="flex h-full flex-col border border-bordure p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-numero`} className="text-sm font-bold tracking-wide text-gray-700">
          {numero}
        </p>
        {profil.favori && (
          <p className="text-sm font-medium text-bleu">
            <span aria-hidden="true">♥ </span>Dans vos favoris
          </p>
        )}
      </div>
      <h3 id={`${id}-metier`} className="mt-1 text-lg font-bold uppercase text-bleu [overflow-wrap:anywhere]">{profil.metier}</h3>
      <dl className="mt-3 space-y-1 text-sm">
        <Item label="Type de contrat">{typesLabel(profil.types) || 'Non précisé'}</Item>
        <Item label="Niveau">{libelleNiveau(profil.niveau) || 'Non précisé'}</Item>
        <Item label="Diplôme">{profil.diplomeIntitule || 'Non précisé'}</Item>
        <Item label="Zone géographique">{libelleZone(profil.zoneRegion, profil.departements) || 'Non précisée'}</Item>
      </dl>
      <p className="mt-4 pt-1 md:mt-auto">
        <Link href={`/mon-espace/profils/${profil.numero}`} className={buttonClasses('secondary')}>
          Détails<span className="sr-only"> du {numero.toLowerCase()}, {profil.metier}</span>
        </Link>
      </p>
    </article>
  );
}
