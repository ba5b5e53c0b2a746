import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { requireStaff } from '@/lib/auth/guards';
import { getOffre } from '@/lib/data/offres';
import { formatDate, formatNumero } from '@/lib/format';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { numeroOffreSchema } from '@/lib/validations/offre';
import { OffreStatusBadge } from './_components/offre-status';

export const metadata = { title: "Détails de l'offre" };

const CONFIRMATIONS = {
  publiee: {
    title: 'Votre offre est publiée.',
    body: "Elle est immédiatement publiée sur le site CMonAlternance et visible par tous les candidats ayant un compte. Vous la retrouvez dans « Mes offres », parmi vos offres « En cours ».",
  },
  enregistree: { title: 'Vos modifications sont enregistrées.', body: null },
  reactivee: {
    title: 'Votre offre est réactivée.',
    body: "Elle est de nouveau « En cours » : publiée sur le site CMonAlternance et visible par tous les candidats ayant un compte, pour 6 mois.",
  },
} as const;

export default async function OffreDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ numero: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireStaff();
  const parsed = numeroOffreSchema.safeParse((await params).numero);
  if (!parsed.success) notFound();
  const offre = await getOffre(user, parsed.data);
  const query = await searchParams;
  const confirmation = (Object.keys(CONFIRMATIONS) as (keyof typeof CONFIRMATIONS)[]).find((k) => query[k] === '1');

  const numero = formatNumero('offre', offre.numero);
  const niveaux = [...new Set(offre.diplomes.map((d) => d.niveau).filter((n): n is number => n !== null))].sort((a, b) => a - b).map(libelleNiveau);
  const candidatures = offre.candidatures;
  const adresse = [offre.adresse, offre.complementAdresse, [offre.codePostal, offre.commune].filter(Boolean).join(' ')].filter(Boolean).join(', ');

  const summary: [string, string][] = [
    ['Entreprise', offre.employeur.raisonSociale],
    ['Référent', offre.referent ? `${offre.referent.prenom} ${offre.referent.nom}` : '—'],
    ['Lieu de travail', offre.commune ?? '—'],
    ["Date prévue d'embauche", formatDate(offre.dateEmbauche)],
    ['Niveau(x) Préparé(s)', niveaux.join(' / ') || '—'],
  ];
  const details: [string, string][] = [
    ["Type d'alternance recherchée", offre.types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ')],
    ['Métier', `${offre.metier} (code ROME ${offre.romeCode})`],
    ['Adresse', adresse],
    ['Durée du contrat', offre.dureeMois ? `${offre.dureeMois} mois` : '—'],
    ['Nombre de postes', String(offre.nombrePostes)],
    [offre.status === 'ARCHIVEE' ? 'Publiée (ou réactivée) le' : 'Publiée le', formatDate(offre.publishedAt)],
    ...(offre.status === 'POURVUE' && offre.pourvueAt ? [['Pourvue le', formatDate(offre.pourvueAt)] as [string, string]] : []),
    ...(offre.status === 'ARCHIVEE' && offre.archivedAt ? [['Archivée le', formatDate(offre.archivedAt)] as [string, string]] : []),
  ];

  return (
    <>
      <PageHeader title="Détails de l'offre" crumbs={[{ label: 'Mes offres', href: '/mes-offres' }]} />
      {confirmation && (
        <Alert kind="success" title={CONFIRMATIONS[confirmation].title}>
          {CONFIRMATIONS[confirmation].body}
        </Alert>
      )}
      {offre.motifDepublication && (
        <Alert kind="warning" title="Cette offre a été dépubliée par l'équipe CMonAlternance.">
          Motif : {offre.motifDepublication}
        </Alert>
      )}

      <article aria-labelledby="offre-metier" className="mb-8 max-w-4xl border border-bordure p-6">
        <p className="mb-2 font-bold">
          OFFRE {numero} <OffreStatusBadge status={offre.status} />
        </p>
        <h2 id="offre-metier" className="mb-4 text-2xl font-bold text-bleu uppercase">
          {offre.metier}
        </h2>
        <dl className="grid gap-x-6 gap-y-1 md:grid-cols-[14rem_1fr]">
          {summary.map(([label, value]) => (
            <div key={label} className="contents">
              <dt>{label} :</dt>
              <dd className="font-bold">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-4 font-bold">
          {candidatures} Candidature{candidatures > 1 ? 's' : ''}
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href={`/mes-offres/${offre.numero}/modifier`}>
            Modifier
          </ButtonLink>
          {/* « POURVUE » / « ARCHIVER »: the status actions of the « Mes offres » list */}
        </div>
      </article>

      <section aria-labelledby="infos-contrat" className="mb-8 max-w-4xl">
        <h2 id="infos-contrat" className="mb-3 text-xl font-bold text-bleu">
          Informations contrat / profil recherché
        </h2>
        <dl className="grid gap-x-6 gap-y-2 md:grid-cols-[14rem_1fr]">
          {details.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-6 mb-2 text-lg font-bold">Description des missions</h3>
        {offre.description ? <p className="whitespace-pre-line">{offre.description}</p> : <p>Aucune description.</p>}
      </section>

      <section aria-labelledby="diplomes-offre" className="mb-8 max-w-4xl">
        <h2 id="diplomes-offre" className="mb-3 text-xl font-bold text-bleu">
          Diplômes ou formations à préparer
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          {offre.diplomes.map((d) => (
            <li key={d.intitule}>
              {d.intitule}
              {d.niveau !== null && <> — {libelleNiveau(d.niveau)}</>}
            </li>
          ))}
        </ul>
      </section>

      <p>
        <Link href="/mes-offres">Retour à « Mes offres »</Link>
      </p>
    </>
  );
}
