import type { ReactNode } from 'react';
import { CvUpload } from '@/components/candidat/cv-upload';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { requireCandidate } from '@/lib/auth/guards';
import { listMyProjets, type MonProjet } from '@/lib/data/candidat';
import { getMyCv } from '@/lib/data/documents';
import { formatNumero } from '@/lib/format';
import { TYPE_ALTERNANCE_LABELS } from '@/lib/labels';
import { libelleZone } from '@/lib/referentiels/departements';
import { libelleNiveau } from '@/lib/referentiels/niveaux';
import { PROJETS_MAX, PROJET_MESSAGES, parseNumero } from '@/lib/validations/candidat';
import { FocusOnMount } from '@/components/ui/focus-on-mount';
import { ProjetDelete } from './_components/projet-delete';

export const metadata = { title: 'Mes projets' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const MESSAGE_ID = 'projets-message';

/** The banner after « Enregistrer » or « Supprimer » (the actions redirect here with ?cree=, ?modifie=, ?supprime=). */
function banner(params: Record<string, string | string[] | undefined>, projets: MonProjet[]): ReactNode {
  const numeroOf = (key: string) => {
    const value = params[key];
    return typeof value === 'string' ? parseNumero(value) : null;
  };
  const cree = numeroOf('cree');
  const modifie = numeroOf('modifie');
  const supprime = numeroOf('supprime');
  const mine = (n: number | null) => n !== null && projets.some((p) => p.numero === n);
  const numero = (n: number) => <strong>PROJET {formatNumero('projet', n)}</strong>;
  if (cree !== null && mine(cree)) return <>{PROJET_MESSAGES.cree} Son numéro : {numero(cree)}.</>;
  if (modifie !== null && mine(modifie)) return <>{PROJET_MESSAGES.modifie} ({numero(modifie)})</>;
  if (supprime !== null && !mine(supprime)) return PROJET_MESSAGES.supprime;
  return null;
}

function Ligne({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline">{label} :</dt> <dd className="inline font-bold break-words">{children}</dd>
    </div>
  );
}

function ProjetCard({ projet }: { projet: MonProjet }) {
  const numero = formatNumero('projet', projet.numero);
  const ids = { numero: `projet-${projet.numero}-numero`, metier: `projet-${projet.numero}-metier` };
  const candidatures = projet._count.candidatures;
  return (
    <article aria-labelledby={`${ids.numero} ${ids.metier}`} className="h-full border border-bordure p-4 sm:p-6">
      <p id={ids.numero} className="text-sm font-bold">
        PROJET {numero}
      </p>
      <h3 id={ids.metier} className="mt-2 text-xl font-bold break-words text-bleu uppercase">
        {projet.metier}
      </h3>
      <dl className="mt-3 space-y-1">
        <Ligne label="Type d'alternance recherchée">{projet.types.map((t) => TYPE_ALTERNANCE_LABELS[t]).join(', ')}</Ligne>
        <Ligne label="Intitulé diplôme">{projet.diplomeIntitule ?? 'Non renseigné'}</Ligne>
        <Ligne label="Niveau">{libelleNiveau(projet.niveau) || 'Non renseigné'}</Ligne>
        <Ligne label="Durée de l'alternance">
          {projet.dureeAnnees ? `${projet.dureeAnnees} année${projet.dureeAnnees > 1 ? 's' : ''}` : 'Non renseignée'}
        </Ligne>
        <Ligne label="Zone de recherche">{libelleZone(projet.zoneRegion, projet.departements) || 'Non renseignée'}</Ligne>
        <Ligne label="Formations déjà suivies">{projet._count.formations}</Ligne>
        <Ligne label="Expériences">{projet._count.experiences}</Ligne>
      </dl>
      <p className="mt-3" data-testid="visibilite">
        {projet.visible ? (
          <>
            <span aria-hidden="true" className="text-vert">
              ●
            </span>{' '}
            Visible par les acteurs de la formation et de l&apos;insertion
          </>
        ) : (
          <>
            <span aria-hidden="true">○</span> Non visible : ce projet n&apos;apparaît pas dans les recherches ni dans les alertes des acteurs de la
            formation et de l&apos;insertion
          </>
        )}
      </p>
      <p className="mt-1 font-bold">
        {candidatures === 0 ? 'Aucune candidature envoyée' : `${candidatures} candidature${candidatures > 1 ? 's' : ''} envoyée${candidatures > 1 ? 's' : ''}`}{' '}
        avec ce projet
      </p>
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <ButtonLink href={`/candidat/projets/${projet.numero}/modifier`} variant="primary">
          Modifier<span className="sr-only"> le projet {numero}</span>
        </ButtonLink>
        <ProjetDelete numero={projet.numero} numeroAffiche={numero} metier={projet.metier} candidatures={candidatures} />
      </div>
    </article>
  );
}

/** « Mes projets »: the candidate's projects, and « Mon CV ». */
export default async function MesProjetsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireCandidate();
  const [projets, cv, params] = await Promise.all([listMyProjets(user), getMyCv(user), searchParams]);
  const message = banner(params, projets);
  const plein = projets.length >= PROJETS_MAX;

  return (
    <>
      <PageHeader title="Mes projets" crumbs={[{ label: 'Mon espace candidat', href: '/candidat' }]} />
      {message && (
        <>
          <Alert kind="success" id={MESSAGE_ID}>
            <p>{message}</p>
          </Alert>
          <FocusOnMount targetId={MESSAGE_ID} />
        </>
      )}

      <section aria-labelledby="projets-titre" className="mb-10">
        <h2 id="projets-titre" className="mb-2 text-2xl font-bold text-bleu">
          Mes projets enregistrés ({projets.length})
        </h2>
        <p className="mb-4 max-w-3xl">
          Un projet décrit l&apos;alternance que vous cherchez : le métier, le type de contrat, le diplôme à préparer et votre zone de recherche.
          Vous le choisissez quand vous postulez à une offre. Vous pouvez en avoir {PROJETS_MAX} au plus.
        </p>
        {plein ? (
          <p className="mb-6">{PROJET_MESSAGES.projetsTrop}</p>
        ) : (
          <p className="mb-6">
            <ButtonLink href="/candidat/projets/nouveau" data-tutoriel="creer-projet">
              Créer un projet
            </ButtonLink>
          </p>
        )}

        {projets.length === 0 ? (
          <div className="max-w-3xl border-l-4 border-bleu bg-bleu-clair p-4">
            <p className="font-bold">Vous n&apos;avez pas encore de projet.</p>
            <p className="mt-1">
              Créez votre premier projet en quelques minutes : choisissez un métier, le type d&apos;alternance et le diplôme visés, puis votre zone
              de recherche. Vous pourrez ensuite postuler aux offres, et, si vous l&apos;acceptez, être repéré par les CFA et missions locales de
              Nouvelle-Aquitaine.
            </p>
          </div>
        ) : (
          <ul aria-labelledby="projets-titre" className="grid gap-4 lg:grid-cols-2">
            {projets.map((projet) => (
              <li key={projet.numero}>
                <ProjetCard projet={projet} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cv-titre" className="max-w-3xl" data-tutoriel="cv">
        <h2 id="cv-titre" className="mb-2 text-2xl font-bold text-bleu">
          Mon CV
        </h2>
        <ul className="mb-4 list-disc space-y-1 pl-6">
          <li>Au format PDF uniquement, 5 Mo au plus.</li>
          <li>
            Il est conservé de façon privée : il n&apos;est jamais publié sur le site, et il est envoyé seulement aux structures qui suivent les
            offres auxquelles vous postulez.
          </li>
          <li>Le remplacer ou le supprimer ne change pas les candidatures déjà envoyées : elles gardent le CV joint au moment de l&apos;envoi.</li>
        </ul>
        <CvUpload current={cv ? { filename: cv.filename, size: cv.size, createdAt: cv.createdAt } : null} />
      </section>
    </>
  );
}
