import type { DiplomePublic } from '@/lib/data/offres-publiques';
import { libelleNiveau } from '@/lib/referentiels/niveaux';

/** « CAP carreleur mosaïste — Niveau CAP, BEP », one per line. */
export function DiplomesList({ diplomes, className = '' }: { diplomes: DiplomePublic[]; className?: string }) {
  if (diplomes.length === 0) return <p className={className}>Non précisé</p>;
  return (
    <ul className={`list-disc pl-5 ${className}`}>
      {diplomes.map((d) => (
        <li key={d.intitule} className="[overflow-wrap:anywhere]">
          {d.intitule}
          {d.niveau != null && <span className="text-gray-700"> — {libelleNiveau(d.niveau)}</span>}
        </li>
      ))}
    </ul>
  );
}
