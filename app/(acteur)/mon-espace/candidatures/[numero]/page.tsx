import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { DescriptionItem } from '@/components/ui/description-item';
import { requireStaff } from '@/lib/auth/guards';
import { getCandidatureRecue } from '@/lib/data/candidatures-recues';
import { formatDate, formatNumero } from '@/lib/format';
import { OFFRE_STATUS_LABELS } from '@/lib/labels';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { formatTaille } from '@/lib/uploads/cv';
import { EXPERIENCE_TYPE_LABELS, FORMATION_STATUT_LABELS, REPONSE_MESSAGES, parseNumero } from '@/lib/validations/candidat';
import { dureeAnneesLabel, dureeExperience, typesLabel, zoneLabel } from '../_components/format';
import { CANDIDATURES_TEXTES, REPONSE_LABELS, STATUT_LABELS, candidaturesHref, ongletFromStatus } from '../_components/onglets';
import { FocusOnMount } from '@/components/ui/focus-on-mount';
import { RepondreCandidature } from './_components/repondre-candidature';

type Props = { params: Promise<{ numero: string }>; searchParams: Promise<{ reponse?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const numero = parseNumero((await params).numero);
  return { title: numero === null ? 'Candidature' : `Candidature N°${formatNumero('candidature', numero)}` };
}

const BADGE = {
  A_TRAITER: 'border-orange bg-orange-50',
  ACCEPTEE: 'border-vert bg-green-50',
  REFUSEE: 'border-gris bg-gris-clair',
} as const;

/** « 12-09-2023 » from a snapshot's « 2027-09-01 » or ISO date (empty when missing). */
function dateOf(value: string | null | undefined): string {
  if (!value) return 'Non renseignée';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? 'Non renseignée' : formatDate(date);
}

/**
 * « Votre offre et le profil candidat qui a postulé »: the offer and the candidate's profile as they
 * were sent (side by side on wide screens), the message and the CV, then « RÉPONDRE À CETTE
 * CANDIDATURE » while it is « À traiter », or the answer recorded (which, when, by whom).
 * Another structure's application, or an unknown number: 404.
 */
export default async function CandidatureRecuePage({ params, searchParams }: Props) {
  const user = await requireStaff();
  const numero = parseNumero((await params).numero);
  const c = numero === null ? null : await getCandidatureRecue(user, numero);
  if (!c) notFound();
  const reponseParam = (await searchParams).reponse;
  const numeroAffiche = formatNumero('candidature', c.numero);
  const onglet = ongletFromStatus(c.status);
  const offre = c.offre;
  const projet = c.projet;
  const lieu = offre.commune ? `${offre.commune}${offre.codePostal ? ` (${offre.codePostal})` : ''}` : 'Non renseigné';
  const diplomeProjet = projet.diplomeIntitule ?? (c.anonymise && projet.niveau != null ? libelleNiveau(projet.niveau) : null);
  const banner = reponseParam === 'envoyee' && c.reponse?.parMoi ? 'envoyee' : reponseParam === 'deja' && c.reponse ? 'deja' : null;

  return (
    <>
      <PageHeader
        title="Votre offre et le profil candidat qui a postulé"
        crumbs={[
          { label: 'Mon espace', href: '/mon-espace' },
          { label: 'Candidatures', href: candidaturesHref(onglet.slug) },
        ]}
      >
        <p className="mt-3 text-xl font-bold">Candidature N°{numeroAffiche}</p>
        <p className="mt-1">
          Statut :{' '}
          <span data-testid="statut-candidature" className={`inline-block border px-2 py-0.5 text-sm font-bold ${BADGE[c.status]}`}>
            {STATUT_LABELS[c.status]}
          </span>
        </p>
      </PageHeader>

      {banner === 'envoyee' && (
        <>
          <Alert kind="success" id="reponse-banniere" title={CANDIDATURES_TEXTES.envoyee}>
            <p>
              La candidature est maintenant dans les candidatures « {onglet.label} ». {CANDIDATURES_TEXTES.apres}
            </p>
            <p className="mt-2">
              <Link href={candidaturesHref(onglet.slug)}>Voir les candidatures « {onglet.label} »</Link>
              {' — '}
              <Link href={candidaturesHref('a-traiter')}>Retour aux candidatures « À traiter »</Link>
            </p>
          </Alert>
          <FocusOnMount targetId="reponse-banniere" />
        </>
      )}
      {banner === 'deja' && (
        <>
          <Alert kind="info" id="reponse-banniere" title={REPONSE_MESSAGES.dejaRepondu}>
            <p>Voici la réponse enregistrée : votre message n&apos;a pas été envoyé.</p>
          </Alert>
          <FocusOnMount targetId="reponse-banniere" />
        </>
      )}

      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="offre-titre" className="min-w-0 border border-bordure p-4 sm:p-6">
          <h2 id="offre-titre" className="text-xl font-bold text-bleu">
            <span className="sr-only">Votre offre : </span>OFFRE {formatNumero('offre', offre.numero)}
          </h2>
          <p className="mt-1 text-sm">Publiée le {dateOf(offre.publishedAt)}</p>
          <p className="mt-3 text-lg font-bold uppercase [overflow-wrap:anywhere]">{offre.metier}</p>
          <dl className="mt-3 space-y-2">
            <DescriptionItem label="Lieu de travail">{lieu}</DescriptionItem>
            <DescriptionItem label="Date prévue d'embauche">{dateOf(offre.dateEmbauche)}</DescriptionItem>
            <DescriptionItem label="Diplômes">
              {offre.diplomes.length ? (
                <ul className="list-disc pl-5">
                  {offre.diplomes.map((d) => (
                    <li key={d.intitule}>
                      {d.intitule}
                      {d.niveau != null && <> — {libelleNiveau(d.niveau)}</>}
                    </li>
                  ))}
                </ul>
              ) : (
                'Non précisé'
              )}
            </DescriptionItem>
            <DescriptionItem label="Type de contrat">{typesLabel(offre.types, ' - ')}</DescriptionItem>
          </dl>
          <p className="mt-3 text-sm">
            L&apos;offre telle qu&apos;elle était le jour de la candidature.
            {offre.status !== 'EN_COURS' && <> Elle est aujourd&apos;hui « {OFFRE_STATUS_LABELS[offre.status]} ».</>}
          </p>
          <p className="mt-2">
            <Link href={`/mes-offres/${offre.numero}`}>
              Voir l&apos;offre<span className="sr-only"> {formatNumero('offre', offre.numero)}</span>
            </Link>
          </p>
        </section>

        <section aria-labelledby="profil-titre" className="min-w-0 border border-bordure p-4 sm:p-6">
          <h2 id="profil-titre" className="text-xl font-bold text-bleu">
            <span className="sr-only">Le profil candidat : </span>
            {c.profilNumero !== null ? `PROFIL ${formatNumero('profil', c.profilNumero)}` : CANDIDATURES_TEXTES.anonyme}
          </h2>
          <p className="mt-1 text-sm">Candidaté le {formatDate(c.createdAt)}</p>
          {projet.metier && <p className="mt-3 text-lg font-bold uppercase [overflow-wrap:anywhere]">{projet.metier}</p>}
          <dl className="mt-3 space-y-2">
            <DescriptionItem label="Zone de recherche">{zoneLabel(projet.zoneRegion, projet.departements)}</DescriptionItem>
            <DescriptionItem label="Durée de l'alternance">{dureeAnneesLabel(projet.dureeAnnees)}</DescriptionItem>
            <DescriptionItem label="Diplômes">
              {diplomeProjet ? (
                <ul className="list-disc pl-5">
                  <li>
                    {diplomeProjet}
                    {projet.diplomeIntitule && projet.niveau != null && <> : {libelleNiveau(projet.niveau)}</>}
                  </li>
                </ul>
              ) : (
                'Non précisé'
              )}
            </DescriptionItem>
            <DescriptionItem label="Type d'alternance recherchée">{typesLabel(projet.types)}</DescriptionItem>
            {projet.formations.length > 0 && (
              <DescriptionItem label="Formations déjà suivies">
                <ul className="list-disc pl-5">
                  {projet.formations.map((f, i) => (
                    <li key={i}>
                      {f.intitule} ({FORMATION_STATUT_LABELS[f.statut]}){f.annee ? ` en ${f.annee}` : ''}
                    </li>
                  ))}
                </ul>
              </DescriptionItem>
            )}
            {projet.experiences.length > 0 && (
              <DescriptionItem label="Expériences">
                <ul className="list-disc pl-5">
                  {projet.experiences.map((e, i) => {
                    const d = dureeExperience(e.dureeSemaines, e.dureeJours);
                    return (
                      <li key={i}>
                        {EXPERIENCE_TYPE_LABELS[e.type]} : {e.intitule}
                        {e.entreprise && <> - {e.entreprise}</>}
                        {d && <> - {d}</>}
                        {e.missions && <> ({e.missions})</>}
                      </li>
                    );
                  })}
                </ul>
              </DescriptionItem>
            )}
            <DescriptionItem label="Message">
              {c.message ? (
                <span className="block whitespace-pre-line font-normal" data-testid="message-candidat">
                  {c.message}
                </span>
              ) : (
                'Aucun message.'
              )}
            </DescriptionItem>
            <DescriptionItem label="Pièces jointes">
              {c.cv ? (
                <span className="block">
                  CV :{' '}
                  <a href={`/api/candidatures/${c.numero}/cv`} download>
                    {c.cv.nom}
                  </a>
                  {c.cv.taille != null && <> ({formatTaille(c.cv.taille)})</>}
                </span>
              ) : c.cvSupprime ? (
                'CV supprimé (durée de conservation écoulée)'
              ) : (
                'Aucune pièce jointe.'
              )}
            </DescriptionItem>
          </dl>
          {c.anonymise && <p className="mt-3 text-sm">Le candidat a supprimé son compte : son message, son CV et son parcours ne sont plus conservés.</p>}
        </section>
      </div>

      {c.reponse ? (
        <section aria-labelledby="reponse-titre" className="mt-8 border-l-4 border-bleu bg-gris-clair p-4 sm:p-6">
          <h2 id="reponse-titre" className="text-xl font-bold text-bleu">
            Réponse envoyée au candidat
          </h2>
          <dl className="mt-3 space-y-2">
            <DescriptionItem label="Réponse">{REPONSE_LABELS[c.reponse.type]}</DescriptionItem>
            <DescriptionItem label="Envoyée">
              {c.reponse.answeredAt ? `le ${formatDate(c.reponse.answeredAt)}` : ''}
              {c.reponse.par ? ` par ${c.reponse.par.prenom} ${c.reponse.par.nom}` : ' par un membre de votre structure'}
            </DescriptionItem>
            <DescriptionItem label="Message">
              <span className="block whitespace-pre-line" data-testid="reponse-message">
                {c.reponse.message}
              </span>
            </DescriptionItem>
          </dl>
          <p className="mt-3">
            Cette candidature est dans les candidatures « {onglet.label} ».{' '}
            <Link href={candidaturesHref(onglet.slug)}>Voir les candidatures « {onglet.label} »</Link>
          </p>
        </section>
      ) : (
        <section aria-labelledby="repondre-titre" className="mt-8">
          <h2 id="repondre-titre" className="text-xl font-bold text-bleu">
            Répondre à cette candidature
          </h2>
          <p className="mt-2 max-w-3xl border-l-4 border-orange bg-orange-50 p-3">{CANDIDATURES_TEXTES.coordonnees}</p>
          {c.anonymise && <p className="mt-2 max-w-3xl">{CANDIDATURES_TEXTES.anonymeReponse}</p>}
          <div className="mt-4">
            <RepondreCandidature numero={c.numero} numeroAffiche={numeroAffiche} metier={offre.metier} />
          </div>
        </section>
      )}

      <p className="mt-8">
        <Link href={candidaturesHref(onglet.slug)}>Retour aux candidatures « {onglet.label} »</Link>
      </p>
    </>
  );
}
