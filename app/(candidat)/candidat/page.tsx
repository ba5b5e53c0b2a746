import Link from 'next/link';
import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { TutorielInvitation } from '@/components/tutoriel/tutoriel-invitation';
import { requireCandidate } from '@/lib/auth/guards';
import { countMyCandidaturesByStatus, listMyProjets } from '@/lib/data/candidat';
import { getMyCv } from '@/lib/data/documents';
import { countUnreadNotifications } from '@/lib/data/notifications';
import { claimTutorielInvitation } from '@/lib/data/tutoriel';
import { formatDate } from '@/lib/format';
import { formatTaille } from '@/lib/uploads/cv';
import { STATUT_CANDIDAT_LABELS } from '@/lib/validations/candidat';

export const metadata = { title: 'Mon espace candidat' };

function Bloc({ id, title, children, href, linkLabel }: { id: string; title: string; children: ReactNode; href: string; linkLabel: string }) {
  return (
    <section aria-labelledby={id} className="flex h-full flex-col border border-bordure p-4 sm:p-6">
      <h2 id={id} className="text-xl font-bold text-bleu">
        {title}
      </h2>
      <div className="mt-2 flex-1 space-y-1">{children}</div>
      <p className="mt-4">
        <Link href={href}>{linkLabel}</Link>
      </p>
    </section>
  );
}

const pluriel = (n: number, un: string, plusieurs: string) => `${n} ${n > 1 ? plusieurs : un}`;

/** « Mon espace candidat »: where things stand, and where to go next. */
export default async function CandidatHomePage() {
  const user = await requireCandidate();
  const [projets, cv, candidatures, nonLues, inviter] = await Promise.all([
    listMyProjets(user),
    getMyCv(user),
    countMyCandidaturesByStatus(user),
    countUnreadNotifications(user.id),
    // the candidate's tour is offered once, on his first visit to his space
    claimTutorielInvitation(user),
  ]);
  const visibles = projets.filter((p) => p.visible).length;
  const totalCandidatures = candidatures.A_TRAITER + candidatures.ACCEPTEE + candidatures.REFUSEE;

  return (
    <>
      <PageHeader title="Mon espace candidat" />
      <p className="mb-6">Bonjour {user.prenom}, retrouvez ici vos projets, votre CV et vos candidatures.</p>
      {inviter && <TutorielInvitation />}
      <div className="grid gap-4 md:grid-cols-2">
        <Bloc id="bloc-projets" title="Mes projets" href="/candidat/projets" linkLabel={projets.length === 0 ? 'Créer mon premier projet' : 'Voir mes projets'}>
          {projets.length === 0 ? (
            <p>Vous n&apos;avez pas encore de projet : il vous en faut un pour postuler à une offre.</p>
          ) : (
            <>
              <p data-testid="nb-projets">{pluriel(projets.length, 'projet', 'projets')}</p>
              <p>{pluriel(visibles, 'visible', 'visibles')} par les acteurs de la formation et de l&apos;insertion</p>
            </>
          )}
        </Bloc>

        <Bloc id="bloc-cv" title="Mon CV" href="/candidat/projets#cv-titre" linkLabel={cv ? 'Gérer mon CV' : 'Déposer mon CV'}>
          {cv ? (
            <p data-testid="etat-cv">
              CV déposé : <strong>{cv.filename}</strong> ({formatTaille(cv.size)}), le {formatDate(cv.createdAt)}
            </p>
          ) : (
            <p data-testid="etat-cv">Vous n&apos;avez pas encore déposé de CV (PDF, 5 Mo au plus).</p>
          )}
        </Bloc>

        <Bloc id="bloc-candidatures" title="Mes candidatures" href="/candidat/candidatures" linkLabel="Suivre mes candidatures">
          {totalCandidatures === 0 ? (
            <p>
              Vous n&apos;avez pas encore postulé. <Link href="/offres">Rechercher une offre</Link>
            </p>
          ) : (
            <ul data-testid="nb-candidatures">
              {(['A_TRAITER', 'ACCEPTEE', 'REFUSEE'] as const).map((s) => (
                <li key={s}>
                  {STATUT_CANDIDAT_LABELS[s]} : <strong>{candidatures[s]}</strong>
                </li>
              ))}
            </ul>
          )}
        </Bloc>

        <Bloc id="bloc-notifications" title="Notifications" href="/notifications" linkLabel="Voir mes notifications">
          <p data-testid="nb-notifications">
            {nonLues === 0 ? 'Aucune notification non lue.' : `${pluriel(nonLues, 'notification non lue', 'notifications non lues')}.`}
          </p>
        </Bloc>

        <Bloc id="bloc-donnees" title="Mes données" href="/candidat/donnees" linkLabel="Mes données">
          <p>Téléchargez tout ce que la plateforme conserve sur vous, ou supprimez votre compte.</p>
        </Bloc>
      </div>
    </>
  );
}
