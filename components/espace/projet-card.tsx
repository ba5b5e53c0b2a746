import type { ReactNode } from 'react';
import { ButtonLink } from '@/components/ui/button';
import { formatNumero } from '@/lib/format';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { libelleNiveau } from '@/lib/referentiels/niveaux';

/** What a project card shows: no name, no e-mail, no phone (lib/data/profils-detail.ts PROJET_RESUME_SELECT). */
export interface ProjetResume {
  numero: number;
  metier: string;
  types: readonly (keyof typeof TYPE_ALTERNANCE_LABELS)[];
  niveau: number | null;
  diplomeIntitule: string | null;
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline">{label} :</dt> <dd className="inline font-bold [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

/**
 * A candidate's project as the guide shows it in « Recherche de profils » and « Projets favoris »:
 * « PROJET 000000103 », the métier in capitals, « Type de contrat », « Niveau », « Diplôme »,
 * « DÉTAILS ». A server component; `action` is an optional slot shown next to the number (the ✖
 * of « Projets favoris », a client component). Put it in a list item: the card is an <article>
 * named by its number and métier.
 */
export function ProjetCard({ projet, action, headingLevel = 2 }: { projet: ProjetResume; action?: ReactNode; headingLevel?: 2 | 3 }) {
  const numero = formatNumero('projet', projet.numero);
  const ids = { numero: `projet-${projet.numero}-numero`, metier: `projet-${projet.numero}-metier` };
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const types = projet.types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ');
  return (
    <article aria-labelledby={`${ids.numero} ${ids.metier}`} className="flex h-full flex-col border border-bordure p-4 sm:p-6">
      <div className="flex items-start justify-between gap-3">
        <p id={ids.numero} className="text-sm font-bold tracking-wide">
          PROJET {numero}
        </p>
        {action}
      </div>
      <Heading id={ids.metier} className="mt-2 text-xl font-bold text-bleu uppercase [overflow-wrap:anywhere]">
        {projet.metier}
      </Heading>
      <dl className="mt-3 space-y-1">
        <Item label="Type de contrat">{types || 'Non précisé'}</Item>
        <Item label="Niveau">{libelleNiveau(projet.niveau) || 'Non précisé'}</Item>
        <Item label="Diplôme">{projet.diplomeIntitule ?? 'Non précisé'}</Item>
      </dl>
      <p className="mt-4 md:mt-auto md:pt-4">
        <ButtonLink href={`/mon-espace/profils/${projet.numero}`} variant="primary">
          Détails<span className="sr-only"> du projet {numero}</span>
        </ButtonLink>
      </p>
    </article>
  );
}
