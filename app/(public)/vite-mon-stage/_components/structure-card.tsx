import type { StructureStage } from '@/lib/data/vite-mon-stage';
import { libelleNafSection } from '@/lib/referentiels/naf-sections';
import { formatTelephone, telHref } from './format';

/** One structure that takes interns, with the contact details it chose to publish here. */
export function StructureCard({ structure }: { structure: StructureStage }) {
  const domaine = libelleNafSection(structure.domaineActivite);
  const niveaux = [
    structure.accueilStagiaires3e && 'Stagiaires de 3e (1 semaine)',
    structure.accueilStagiaires2de && 'Stagiaires de 2de (2 semaines)',
  ].filter((n): n is string => Boolean(n));

  return (
    <article className="h-full border border-bordure p-4 sm:p-5">
      <h3 className="text-lg font-bold text-bleu [overflow-wrap:anywhere]">
        {structure.raisonSociale}
        {structure.sigle && <span className="font-normal text-gris"> ({structure.sigle})</span>}
      </h3>
      <p className="mt-1">
        {structure.commune} ({structure.codePostal})
      </p>
      <dl className="mt-3 space-y-2 text-sm">
        {domaine && (
          <div>
            <dt className="font-bold">Domaine d&apos;activité</dt>
            <dd>{domaine}</dd>
          </div>
        )}
        <div>
          <dt className="font-bold">Accueille</dt>
          <dd>
            <ul className="list-disc pl-5">
              {niveaux.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </dd>
        </div>
        {structure.email && (
          <div>
            <dt className="font-bold">E-mail</dt>
            <dd className="[overflow-wrap:anywhere]">
              <a href={`mailto:${structure.email}`}>{structure.email}</a>
            </dd>
          </div>
        )}
        {structure.telephone && (
          <div>
            <dt className="font-bold">Téléphone</dt>
            <dd>
              <a href={telHref(structure.telephone)}>{formatTelephone(structure.telephone)}</a>
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}
