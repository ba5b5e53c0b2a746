import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { ButtonLink } from '@/components/ui/button';
import { getCurrentUser } from '@/lib/auth/session';
import { getOffrePublique, type OffrePubliqueDetail } from '@/lib/data/offres-publiques';
import { appUrl } from '@/lib/env';
import { formatDate, formatNumero } from '@/lib/format';
import { cspNonce } from '@/lib/nonce';
import { parseNumeroOffre } from '@/lib/validations/offres-publiques';
import { DiplomesList } from '../_components/diplomes';
import { domaineActivite, lieuLabel, typesLabel } from '../_components/format';
import { jobPosting, jsonForScript } from '../_components/job-posting';
import { OFFRE_INDISPONIBLE_TITLE, OffreIndisponible } from '../_components/offre-indisponible';
import { DescriptionItem } from '@/components/ui/description-item';

type Props = { params: Promise<{ numero: string }> };

/** The public offer, or a 404 for a number that does not exist or is not public. */
async function load(params: Props['params']): Promise<OffrePubliqueDetail> {
  const numero = parseNumeroOffre((await params).numero);
  const offre = numero === null ? null : await getOffrePublique(numero);
  if (!offre) notFound();
  return offre;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const offre = await load(params);
  if (offre.status !== 'EN_COURS') return { title: OFFRE_INDISPONIBLE_TITLE, robots: { index: false } };
  const lieu = offre.commune ? ` à ${offre.commune}` : '';
  return {
    title: `${offre.metier} — OFFRE ${formatNumero('offre', offre.numero)}`,
    description: `${typesLabel(offre.types)}${lieu} : ${offre.metier}, chez ${offre.employeur}.`,
    alternates: { canonical: `/offres/${offre.numero}` },
  };
}

/**
 * The public page of an offer. It shows the workplace's commune, never its street address, and
 * none of the employer's or the structure's contact details: « le site CMonAlternance ne diffuse
 * pas les coordonnées des entreprises », candidates apply online. An offer that is no longer
 * « En cours » is answered 410 by proxy.ts (rewritten to ./indisponible); should its status change
 * between the proxy and here, the same notice is shown.
 */
export default async function OffrePage({ params }: Props) {
  const offre = await load(params);
  if (offre.status !== 'EN_COURS') return <OffreIndisponible offre={offre} />;

  const user = await getCurrentUser();
  const numero = `OFFRE ${formatNumero('offre', offre.numero)}`;
  const postuler = `/offres/${offre.numero}/postuler`;
  const domaine = domaineActivite(offre);
  const structuredData = jsonForScript(jobPosting(offre, `${appUrl()}/offres/${offre.numero}`));

  return (
    <>
      <script type="application/ld+json" nonce={await cspNonce()} dangerouslySetInnerHTML={{ __html: structuredData }} />
      <PageHeader title={offre.metier} crumbs={[{ label: 'Offres', href: '/offres' }]}>
        <p className="mt-2 font-bold tracking-wide text-gray-700">{numero}</p>
        <p className="mt-1 text-lg font-medium">{typesLabel(offre.types)}</p>
      </PageHeader>

      <div className="grid gap-8 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <section aria-labelledby="description-titre">
            <h2 id="description-titre" className="text-xl font-bold text-bleu">
              Description de l&apos;offre
            </h2>
            <p className="mt-2 whitespace-pre-line [overflow-wrap:anywhere]">{offre.description?.trim() || 'Non renseignée.'}</p>
          </section>

          <section aria-labelledby="contrat-titre" className="mt-8">
            <h2 id="contrat-titre" className="text-xl font-bold text-bleu">
              Le contrat
            </h2>
            <dl className="mt-3 grid gap-x-6 gap-y-3 sm:grid-cols-2">
              <DescriptionItem label="Type de contrat">{typesLabel(offre.types)}</DescriptionItem>
              <DescriptionItem label="Lieu de travail">{lieuLabel(offre) || 'Non renseigné'}</DescriptionItem>
              <DescriptionItem label="Date prévue d'embauche">{formatDate(offre.dateEmbauche)}</DescriptionItem>
              <DescriptionItem label="Durée du contrat">{offre.dureeMois ? `${offre.dureeMois} mois` : 'Non précisée'}</DescriptionItem>
              <DescriptionItem label="Nombre de postes">{String(offre.nombrePostes)}</DescriptionItem>
              <DescriptionItem label="Publiée le">{formatDate(offre.publishedAt)}</DescriptionItem>
            </dl>
          </section>

          <section aria-labelledby="diplomes-titre" className="mt-8">
            <h2 id="diplomes-titre" className="text-xl font-bold text-bleu">
              {offre.diplomes.length > 1 ? 'Diplômes préparés' : 'Diplôme préparé'}
            </h2>
            <DiplomesList diplomes={offre.diplomes} className="mt-2" />
          </section>
        </div>

        <div>
          <section aria-labelledby="employeur-titre" className="border border-bordure p-4 sm:p-5">
            <h2 id="employeur-titre" className="text-xl font-bold text-bleu">
              L&apos;employeur
            </h2>
            <dl className="mt-3 space-y-3">
              <DescriptionItem label="Raison sociale">{offre.employeur}</DescriptionItem>
              {domaine && <DescriptionItem label="Domaine d'activité">{domaine}</DescriptionItem>}
            </dl>
          </section>

          <section aria-labelledby="postuler-titre" className="mt-6 border border-bordure bg-bleu-clair p-4 sm:p-5">
            <h2 id="postuler-titre" className="text-xl font-bold text-bleu">
              Postuler
            </h2>
            <p className="mt-2 text-sm">
              Le site CMonAlternance ne diffuse pas les coordonnées des entreprises : les candidats postulent en ligne avec un
              compte et un projet professionnel.
            </p>
            {!user ? (
              <>
                <p className="mt-4">
                  <ButtonLink href={`/connexion?callbackUrl=${postuler}`}>Postuler</ButtonLink>
                </p>
                <p className="mt-2 text-sm">
                  Vous serez invité à vous connecter. Pas encore de compte ?{' '}
                  <Link href={`/inscription?profil=candidat&callbackUrl=${encodeURIComponent(postuler)}`}>Créer mon compte candidat</Link>
                </p>
              </>
            ) : user.role === 'CANDIDAT' ? (
              <p className="mt-4">
                <ButtonLink href={postuler}>Postuler</ButtonLink>
              </p>
            ) : (
              <p className="mt-2 text-sm">Seuls les candidats, connectés avec leur compte candidat, peuvent postuler.</p>
            )}
          </section>
        </div>
      </div>
    </>
  );
}
