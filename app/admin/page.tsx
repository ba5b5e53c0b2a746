import Link from 'next/link';
import { WeeklyChart } from '@/components/admin/weekly-chart';
import { PageHeader } from '@/components/layout/page-header';
import { getAdminDashboard } from '@/lib/data/admin';
import { formatDate } from '@/lib/format';

export const metadata = { title: 'Administration' };

/** « depuis aujourd'hui », « depuis 1 jour », « depuis 3 jours ». */
function depuis(jours: number): string {
  if (jours <= 0) return "depuis aujourd'hui";
  return `depuis ${jours} jour${jours > 1 ? 's' : ''}`;
}

interface Figure {
  label: string;
  value: number | string;
  detail?: string;
}

function Block({ id, title, href, linkLabel, figures }: { id: string; title: string; href: string; linkLabel: string; figures: Figure[] }) {
  return (
    <section aria-labelledby={id} className="flex flex-col border border-bordure p-4">
      <h2 id={id} className="mb-2 text-lg font-bold">
        {title}
      </h2>
      <dl className="mb-3 grid gap-2">
        {figures.map((f) => (
          <div key={f.label}>
            <dt className="text-sm font-medium">{f.label}</dt>
            <dd className="text-2xl font-bold text-bleu">
              {f.value}
              {f.detail && <span className="ml-2 text-sm font-normal text-gris">{f.detail}</span>}
            </dd>
          </div>
        ))}
      </dl>
      <Link href={href} className="mt-auto">
        {linkLabel}
      </Link>
    </section>
  );
}

export default async function AdminHomePage() {
  const d = await getAdminDashboard();
  const mois = d.candidaturesDuMois;
  return (
    <>
      <PageHeader title="Tableau de bord de l'équipe CMonAlternance" crumbs={[{ label: 'Administration' }]} />

      <div className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Block
          id="bloc-demandes"
          title="Demandes d'employeurs"
          href="/admin/employeurs"
          linkLabel="Traiter les demandes d'employeurs"
          figures={[{ label: 'En attente de validation', value: d.demandes.total }]}
        />
        <Block
          id="bloc-structures"
          title="Structures"
          href="/admin/structures"
          linkLabel="Voir les structures"
          figures={[
            { label: 'Actives', value: d.structures.actives },
            { label: 'Désactivées', value: d.structures.inactives },
          ]}
        />
        <Block
          id="bloc-utilisateurs"
          title="Utilisateurs"
          href="/admin/utilisateurs"
          linkLabel="Voir les utilisateurs"
          figures={[
            { label: 'Acteurs de la formation et de l’insertion', value: d.acteurs },
            { label: 'Candidats', value: d.candidats },
          ]}
        />
        <Block
          id="bloc-offres"
          title="Offres"
          href="/admin/offres"
          linkLabel="Voir les offres"
          figures={[
            { label: 'En cours', value: d.offres.EN_COURS },
            { label: 'Pourvues', value: d.offres.POURVUE },
            { label: 'Archivées', value: d.offres.ARCHIVEE },
          ]}
        />
        <Block
          id="bloc-candidatures"
          title="Candidatures du mois"
          href="/admin/offres"
          linkLabel="Voir les offres et leurs candidatures"
          figures={[
            { label: 'Candidatures reçues ce mois-ci', value: mois.total },
            {
              label: 'Part des candidatures ayant reçu une réponse',
              value: mois.tauxReponse === null ? '—' : `${mois.tauxReponse} %`,
              detail: mois.total > 0 ? `${mois.repondues} sur ${mois.total}` : 'aucune candidature ce mois-ci',
            },
          ]}
        />
        <Block
          id="bloc-emails"
          title="E-mails"
          href="/admin/emails"
          linkLabel="Voir les e-mails"
          figures={[
            { label: 'En échec', value: d.emails.echec },
            { label: "En attente d'envoi", value: d.emails.enAttente },
          ]}
        />
      </div>

      <section aria-labelledby="demandes-anciennes" className="mb-8">
        <h2 id="demandes-anciennes" className="mb-3 text-xl font-bold">
          Demandes d&apos;employeurs en attente les plus anciennes
        </h2>
        {d.demandes.plusAnciennes.length === 0 ? (
          <p>Aucune demande d&apos;employeur en attente.</p>
        ) : (
          <ol className="grid gap-2" aria-label="Demandes d'employeurs en attente, de la plus ancienne à la plus récente">
            {d.demandes.plusAnciennes.map((dem) => (
              <li key={dem.id} className="border border-bordure p-3">
                <span className="font-bold">{dem.employeur}</span>, demandé par {dem.structure} le {formatDate(dem.requestedAt)}{' '}
                <span className="font-medium text-orange">({depuis(dem.ageJours)})</span>
              </li>
            ))}
          </ol>
        )}
        <p className="mt-3">
          <Link href="/admin/employeurs">Toutes les demandes d&apos;employeurs</Link>
        </p>
      </section>

      <section aria-labelledby="activite" className="mb-8">
        <h2 id="activite" className="mb-3 text-xl font-bold">
          Activité des 12 dernières semaines
        </h2>
        <WeeklyChart points={d.semaines} />
      </section>
    </>
  );
}
