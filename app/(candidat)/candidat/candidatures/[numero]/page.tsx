import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { requireCandidate } from '@/lib/auth/guards';
import { getMyCandidature } from '@/lib/data/candidatures';
import { formatDate, formatNumero } from '@/lib/format';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { libelleZone } from '@/lib/referentiels/departements';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { formatTaille } from '@/lib/uploads/cv';
import {
  CANDIDATURE_MESSAGES,
  EXPERIENCE_TYPE_LABELS,
  FORMATION_STATUT_LABELS,
  STATUT_CANDIDAT_DETAILS,
  parseNumero,
} from '@/lib/validations/candidat';
import { Reponse, StatutBadge } from '../_components/statut';
import { DescriptionItem } from '@/components/ui/description-item';

type Props = { params: Promise<{ numero: string }>; searchParams: Promise<{ envoyee?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const numero = parseNumero((await params).numero);
  return { title: numero === null ? 'Ma candidature' : `Candidature N°${formatNumero('candidature', numero)}` };
}

const types = (list: readonly (keyof typeof TYPE_ALTERNANCE_LABELS)[] | undefined) =>
  (list ?? []).map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ') || 'Non précisé';

function duree(semaines: number | null, jours: number | null): string | null {
  const parts = [
    semaines ? `${semaines} semaine${semaines > 1 ? 's' : ''}` : null,
    jours ? `${jours} jour${jours > 1 ? 's' : ''}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' et ') : null;
}

/** One of the candidate's applications, as it was sent (snapshots of the offer and of the project). Anyone else's: 404. */
export default async function MaCandidaturePage({ params, searchParams }: Props) {
  const user = await requireCandidate();
  const numero = parseNumero((await params).numero);
  const c = numero === null ? null : await getMyCandidature(user, numero);
  if (!c) notFound();
  const { envoyee } = await searchParams;
  const offre = c.offreSnapshot;
  const projet = c.projetSnapshot;
  const numeroCandidature = formatNumero('candidature', c.numero);
  const offreNumero = `OFFRE ${formatNumero('offre', c.offre.numero)}`;
  const lieu = offre.commune ? `${offre.commune}${offre.codePostal ? ` (${offre.codePostal})` : ''}` : null;

  return (
    <>
      <PageHeader
        title={`Candidature N°${numeroCandidature}`}
        crumbs={[
          { label: 'Mon espace candidat', href: '/candidat' },
          { label: 'Mes candidatures', href: '/candidat/candidatures' },
        ]}
      >
        <p className="mt-2">Candidaté le {formatDate(c.createdAt)}</p>
      </PageHeader>

      {envoyee === '1' && (
        <Alert kind="success" title={CANDIDATURE_MESSAGES.envoyee}>
          La structure qui suit cette offre a été prévenue. Elle vous répondra ici ; vous recevrez aussi un e-mail.
        </Alert>
      )}

      <section aria-labelledby="statut-titre" className="mb-8 border border-bordure p-4 sm:p-5">
        <h2 id="statut-titre" className="text-xl font-bold text-bleu">
          Statut
        </h2>
        <p className="mt-2">
          <StatutBadge status={c.status} />
        </p>
        <p className="mt-2">{STATUT_CANDIDAT_DETAILS[c.status]}</p>
        {c.reponseMessage && <Reponse message={c.reponseMessage} answeredAt={c.answeredAt} />}
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        <section aria-labelledby="offre-titre">
          <h2 id="offre-titre" className="text-xl font-bold text-bleu">
            L&apos;offre
          </h2>
          <p className="mt-1 text-sm">Telle qu&apos;elle était le jour de votre candidature.</p>
          <p className="mt-3 font-bold uppercase [overflow-wrap:anywhere]">{offre.metier}</p>
          <p className="text-sm">
            {c.offre.status === 'EN_COURS' ? <Link href={`/offres/${c.offre.numero}`}>{offreNumero}</Link> : offreNumero}
            {c.offre.status !== 'EN_COURS' && " (cette offre n'est plus en cours)"}
          </p>
          <dl className="mt-3 space-y-2">
            {offre.employeur && <DescriptionItem label="Employeur">{offre.employeur}</DescriptionItem>}
            {offre.structure && <DescriptionItem label="Offre suivie par">{offre.structure}</DescriptionItem>}
            <DescriptionItem label="Lieu de travail">{lieu ?? 'Non renseigné'}</DescriptionItem>
            {offre.dateEmbauche && <DescriptionItem label="Date prévue d'embauche">{formatDate(new Date(offre.dateEmbauche))}</DescriptionItem>}
            {offre.dureeMois ? <DescriptionItem label="Durée du contrat">{`${offre.dureeMois} mois`}</DescriptionItem> : null}
            <DescriptionItem label="Type de contrat">{types(offre.types)}</DescriptionItem>
            <DescriptionItem label={(offre.diplomes?.length ?? 0) > 1 ? 'Diplômes' : 'Diplôme'}>
              {offre.diplomes?.length ? (
                <ul className="list-disc pl-5">
                  {offre.diplomes.map((d) => (
                    <li key={d.intitule}>
                      {d.intitule}
                      {d.niveau != null && <span className="text-gray-700"> — {libelleNiveau(d.niveau)}</span>}
                    </li>
                  ))}
                </ul>
              ) : (
                'Non précisé'
              )}
            </DescriptionItem>
          </dl>
        </section>

        <section aria-labelledby="projet-titre">
          <h2 id="projet-titre" className="text-xl font-bold text-bleu">
            Votre projet
          </h2>
          {!projet ? (
            <p className="mt-2">Projet non disponible.</p>
          ) : (
            <>
              <p className="mt-1 text-sm">Tel que vous l&apos;avez envoyé.</p>
              <p className="mt-3 font-bold uppercase [overflow-wrap:anywhere]">{projet.metier}</p>
              <p className="text-sm">PROJET {formatNumero('projet', projet.numero)}</p>
              <dl className="mt-3 space-y-2">
                <DescriptionItem label="Type d'alternance recherchée">{types(projet.types)}</DescriptionItem>
                <DescriptionItem label="Diplôme">
                  {projet.diplomeIntitule ?? 'Non précisé'}
                  {projet.diplomeIntitule && projet.niveau != null && <span className="text-gray-700"> — {libelleNiveau(projet.niveau)}</span>}
                </DescriptionItem>
                {projet.dureeAnnees != null && (
                  <DescriptionItem label="Durée de l'alternance">{`${projet.dureeAnnees} année${projet.dureeAnnees > 1 ? 's' : ''}`}</DescriptionItem>
                )}
                <DescriptionItem label="Zone de recherche">{libelleZone(projet.zoneRegion, projet.departements ?? []) || 'Non précisée'}</DescriptionItem>
              </dl>
              <h3 className="mt-5 font-bold">Formations déjà suivies</h3>
              {projet.formations?.length ? (
                <ul className="mt-1 list-disc pl-5">
                  {projet.formations.map((f, i) => (
                    <li key={i} className="[overflow-wrap:anywhere]">
                      {f.intitule} — {FORMATION_STATUT_LABELS[f.statut]}
                      {f.annee ? ` (${f.annee})` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1">Aucune formation indiquée.</p>
              )}
              <h3 className="mt-5 font-bold">Expériences</h3>
              {projet.experiences?.length ? (
                <ul className="mt-1 space-y-2">
                  {projet.experiences.map((e, i) => {
                    const d = duree(e.dureeSemaines, e.dureeJours);
                    return (
                      <li key={i} className="[overflow-wrap:anywhere]">
                        <span className="font-medium">
                          {EXPERIENCE_TYPE_LABELS[e.type]} : {e.intitule}
                        </span>
                        {e.entreprise && <> — {e.entreprise}</>}
                        {d && <> ({d})</>}
                        {e.missions && <span className="block whitespace-pre-line text-sm">Missions : {e.missions}</span>}
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="mt-1">Aucune expérience indiquée.</p>
              )}
            </>
          )}
        </section>
      </div>

      <section aria-labelledby="message-titre" className="mt-8">
        <h2 id="message-titre" className="text-xl font-bold text-bleu">
          Votre message
        </h2>
        {c.message ? (
          <p className="mt-2 whitespace-pre-line [overflow-wrap:anywhere]" data-testid="message-candidature">
            {c.message}
          </p>
        ) : (
          <p className="mt-2">Vous n&apos;avez pas écrit de message.</p>
        )}
      </section>

      <section aria-labelledby="cv-titre" className="mt-8">
        <h2 id="cv-titre" className="text-xl font-bold text-bleu">
          CV joint
        </h2>
        {c.cvNom ? (
          <p className="mt-2">
            <span className="font-medium">{c.cvNom}</span>
            {c.cvTaille != null && <> ({formatTaille(c.cvTaille)})</>}
            {c.documentId && (
              <>
                {' — '}
                <a href={`/api/candidatures/${c.numero}/cv`} download>
                  Télécharger<span className="sr-only"> le CV joint à cette candidature</span>
                </a>
              </>
            )}
          </p>
        ) : (
          <p className="mt-2">Aucun CV joint à cette candidature.</p>
        )}
      </section>

      <p className="mt-8">
        <Link href="/candidat/candidatures">Retour à mes candidatures</Link>
      </p>
    </>
  );
}
