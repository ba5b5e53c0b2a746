import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { requireCandidate } from '@/lib/auth/guards';
import { getPostulerContext } from '@/lib/data/candidatures';
import { formatDate, formatNumero } from '@/lib/format';
import { CANDIDATURE_MESSAGES } from '@/lib/validations/candidat';
import { parseNumeroOffre } from '@/lib/validations/offres-publiques';
import { DiplomesList } from '../../_components/diplomes';
import { lieuLabel, typesLabel } from '../../_components/format';
import { PostulerForm } from './_components/postuler-form';
import { DescriptionItem } from '@/components/ui/description-item';

export const metadata: Metadata = { title: 'Postuler', robots: { index: false } };

type Props = { params: Promise<{ numero: string }> };

/**
 * « Postuler »: a candidate applies to a public offer « En cours » with one of his projects, an
 * optional message and his CV. Every refusal the action would give (offer closed, already applied,
 * daily limit, no project) is said here first, instead of a form that cannot succeed.
 */
export default async function PostulerPage({ params }: Props) {
  const user = await requireCandidate();
  const numero = parseNumeroOffre((await params).numero);
  const context = numero === null ? null : await getPostulerContext(user, numero);
  if (!context) notFound();
  const { offre, projets, cv, existing, limiteAtteinte } = context;
  const numeroOffre = `OFFRE ${formatNumero('offre', offre.numero)}`;
  const enCours = offre.status === 'EN_COURS';

  return (
    <>
      <PageHeader
        title="Postuler"
        crumbs={[
          { label: 'Offres', href: '/offres' },
          { label: numeroOffre, href: enCours ? `/offres/${offre.numero}` : undefined },
        ]}
      >
        <p className="mt-2 text-lg font-medium">
          {offre.metier} — {numeroOffre}
        </p>
      </PageHeader>

      {!enCours ? (
        <>
          <Alert kind="warning" title="Candidature impossible">
            {CANDIDATURE_MESSAGES.offreFermee}
          </Alert>
          <p>
            <Link href="/offres">Voir les offres en cours</Link>
          </p>
        </>
      ) : (
        <>
          <section aria-labelledby="offre-titre" className="mb-8 border border-bordure p-4 sm:p-5">
            <h2 id="offre-titre" className="text-xl font-bold text-bleu">
              L&apos;offre à laquelle vous postulez
            </h2>
            <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
              <DescriptionItem label="Métier">{offre.metier}</DescriptionItem>
              <DescriptionItem label="Numéro">{numeroOffre}</DescriptionItem>
              <DescriptionItem label="Employeur">{offre.employeur}</DescriptionItem>
              <DescriptionItem label="Lieu de travail">{lieuLabel(offre) || 'Non renseigné'}</DescriptionItem>
              <DescriptionItem label="Date prévue d'embauche">{formatDate(offre.dateEmbauche)}</DescriptionItem>
              <DescriptionItem label="Type de contrat">{typesLabel(offre.types)}</DescriptionItem>
              <DescriptionItem label={offre.diplomes.length > 1 ? 'Diplômes' : 'Diplôme'}>
                <DiplomesList diplomes={offre.diplomes} />
              </DescriptionItem>
            </dl>
            <p className="mt-4 text-sm">
              <Link href={`/offres/${offre.numero}`}>Revoir le détail de l&apos;offre</Link>
            </p>
          </section>

          {existing ? (
            <Alert kind="info" title="Vous avez déjà postulé à cette offre">
              <p>
                {CANDIDATURE_MESSAGES.dejaPostule} Candidature envoyée le {formatDate(existing.createdAt)}.
              </p>
              <p className="mt-2">
                <Link href={`/candidat/candidatures/${existing.numero}`}>
                  Voir ma candidature N°{formatNumero('candidature', existing.numero)}
                </Link>
              </p>
            </Alert>
          ) : limiteAtteinte ? (
            <Alert kind="warning" title="Limite de candidatures atteinte">
              <p>{CANDIDATURE_MESSAGES.limite}</p>
              <p className="mt-2">
                <Link href="/candidat/candidatures">Mes candidatures</Link>
              </p>
            </Alert>
          ) : projets.length === 0 ? (
            <Alert kind="info" title="Créez d'abord votre projet">
              <p>
                Pour postuler, vous envoyez à la structure qui suit cette offre l&apos;un de vos projets professionnels (métier, type
                d&apos;alternance, diplôme visé, zone de recherche, formations et expériences). Vous n&apos;avez pas encore de projet :
                créez-le, puis revenez sur cette page pour postuler.
              </p>
              <p className="mt-3">
                <ButtonLink href="/candidat/projets/nouveau">Créer mon projet</ButtonLink>
              </p>
            </Alert>
          ) : (
            <PostulerForm
              offreNumero={offre.numero}
              projets={projets.map((p) => ({
                numero: p.numero,
                metier: p.metier,
                types: p.types,
                diplomeIntitule: p.diplomeIntitule,
                visible: p.visible,
              }))}
              cv={cv ? { filename: cv.filename, size: cv.size, createdAt: cv.createdAt.toISOString() } : null}
            />
          )}
        </>
      )}
    </>
  );
}
