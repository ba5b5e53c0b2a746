import { ButtonLink } from '@/components/ui/button';
import type { CandidatureRecueCard } from '@/lib/data/candidatures-recues';
import { formatDate, formatNumero } from '@/lib/format';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { dureeAnneesLabel, typesLabel, zoneLabel } from './format';
import { CANDIDATURES_TEXTES } from './onglets';

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline">{label} :</dt> <dd className="inline font-bold [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/**
 * One application as the guide shows it: « PROFIL 0000000082 », « OFFRE 0000001458 », the offer's
 * métier, then what the candidate sent (type d'alternance, durée, lieu, diplôme) and « DÉTAILS ».
 */
export function CandidatureCard({ candidature: c }: { candidature: CandidatureRecueCard }) {
  const numero = formatNumero('candidature', c.numero);
  const titleId = `candidature-${c.numero}-metier`;
  const profilId = `candidature-${c.numero}-profil`;
  const diplome = c.projet.diplomeIntitule ?? (c.projet.niveau != null ? libelleNiveau(c.projet.niveau) : null);
  return (
    <article aria-labelledby={`${profilId} ${titleId}`} data-testid="candidature-card" className="h-full border border-bordure p-4 sm:p-6">
      <p className="flex flex-wrap justify-between gap-x-4 text-sm font-bold">
        <span id={profilId}>{c.profilNumero !== null ? `PROFIL ${formatNumero('profil', c.profilNumero)}` : CANDIDATURES_TEXTES.anonyme}</span>
        <span>OFFRE {formatNumero('offre', c.offre.numero)}</span>
      </p>
      <h3 id={titleId} className="mt-2 text-xl font-bold break-words text-bleu uppercase">
        {c.offre.metier}
      </h3>
      <dl className="mt-3 space-y-1">
        <Item label="Type d'alternance">{typesLabel(c.projet.types)}</Item>
        <Item label="Durée">{dureeAnneesLabel(c.projet.dureeAnnees)}</Item>
        <Item label="Lieu">{zoneLabel(c.projet.zoneRegion, c.projet.departements)}</Item>
        <Item label="Diplôme">{diplome ?? 'Non précisé'}</Item>
      </dl>
      <p className="mt-3 text-sm">
        Candidature N°{numero}, reçue le {formatDate(c.createdAt)}
      </p>
      <p className="mt-4">
        <ButtonLink href={`/mon-espace/candidatures/${c.numero}`} data-tutoriel="candidature-details">
          Détails<span className="sr-only"> de la candidature N°{numero}</span>
        </ButtonLink>
      </p>
    </article>
  );
}
