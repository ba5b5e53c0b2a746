import Link from 'next/link';
import { ButtonLink } from '@/components/ui/button';
import type { OffreCard as OffreCardData } from '@/lib/data/mes-offres';
import { formatDate, formatNumero } from '@/lib/format';
import { MES_OFFRES_MESSAGES, candidaturesLabel, ongletFromStatus } from '@/lib/validations/mes-offres';
import { OffreStatusButtons } from './offre-status';

const DOT_COLOR = { EN_COURS: 'text-vert', POURVUE: 'text-bleu', ARCHIVEE: 'text-gris' } as const;

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline">{label} :</dt> <dd className="inline font-bold break-words">{children}</dd>
    </div>
  );
}

/** One offer as the guide shows it in « La gestion de vos offres ». */
export function OffreCard({ offre }: { offre: OffreCardData }) {
  const numero = formatNumero('offre', offre.numero);
  const ids = { numero: `offre-${offre.numero}-numero`, metier: `offre-${offre.numero}-metier` };
  const suffix = <span className="sr-only"> de l&apos;offre {numero}</span>;
  return (
    <article aria-labelledby={`${ids.numero} ${ids.metier}`} className="h-full border border-bordure p-4 sm:p-6">
      <p id={ids.numero} className="text-sm font-bold">
        OFFRE {numero}{' '}
        <span aria-hidden="true" className={DOT_COLOR[offre.status]}>
          ●
        </span>{' '}
        {ongletFromStatus(offre.status).badge}
      </p>
      <h3 id={ids.metier} className="mt-2 text-xl font-bold break-words text-bleu uppercase">
        {offre.metier}
      </h3>
      <dl className="mt-3 space-y-1">
        <Field label="Entreprise">{offre.entreprise}</Field>
        <Field label="Référent">{offre.referent ?? 'Non renseigné'}</Field>
        <Field label="Lieu de travail">{offre.commune ?? 'Non renseigné'}</Field>
        <Field label="Date prévue d'embauche">{formatDate(offre.dateEmbauche)}</Field>
        <Field label="Niveau(x) Préparé(s)">{offre.niveaux.length > 0 ? offre.niveaux.join(' ; ') : 'Non renseigné'}</Field>
      </dl>
      <p className="mt-3 font-bold">{candidaturesLabel(offre.candidatures)}</p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <ButtonLink href={`/mes-offres/${offre.numero}`} variant="primary">
          Détails{suffix}
        </ButtonLink>
        <Link href={`/mes-offres/${offre.numero}/modifier`} className="inline-flex min-h-11 items-center px-1">
          Modifier{suffix}
        </Link>
        <OffreStatusButtons offre={{ numero: offre.numero, numeroAffiche: numero, metier: offre.metier, status: offre.status }} />
      </div>
      {offre.status === 'ARCHIVEE' && <p className="mt-3 text-sm">{MES_OFFRES_MESSAGES.reactivation}</p>}
    </article>
  );
}
