import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { buttonClasses } from '@/components/ui/button';
import { requireCandidate } from '@/lib/auth/guards';
import { listMyProjets } from '@/lib/data/candidat';
import { listMyCandidatures } from '@/lib/data/candidatures';
import { getMyCv } from '@/lib/data/documents';
import { listMyNotifications } from '@/lib/data/notifications';
import { formatDate, formatNumero } from '@/lib/format';
import { formatTaille } from '@/lib/uploads/cv';
import { DeleteAccountForm } from './_components/delete-account-form';

export const metadata = { title: 'Mes données' };

function plural(n: number, singular: string, pluralForm: string) {
  return `${n} ${n > 1 ? pluralForm : singular}`;
}

/**
 * « Mes données » (RGPD): what the platform holds about the candidate, the download of all of it
 * (JSON, CV included) and the deletion of the account.
 */
export default async function MesDonneesPage() {
  const user = await requireCandidate();
  const [projets, cv, candidatures, notifications] = await Promise.all([
    listMyProjets(user),
    getMyCv(user),
    listMyCandidatures(user, 1),
    listMyNotifications(user, 1),
  ]);

  return (
    <>
      <PageHeader title="Mes données" crumbs={[{ label: 'Mon espace candidat', href: '/candidat' }]} />
      <p className="mb-6 max-w-3xl">
        Vous retrouvez ici les données que CMonAlternance conserve sur vous. Vous pouvez les télécharger à tout moment et
        supprimer votre compte. La <Link href="/politique-rgpd#donnees-candidat">Politique RGPD</Link> explique pourquoi
        elles sont conservées et pendant combien de temps.
      </p>

      <section aria-labelledby="resume-titre" className="mb-10 max-w-3xl">
        <h2 id="resume-titre" className="mb-3 text-xl font-bold text-bleu">
          Ce que la plateforme conserve sur vous
        </h2>
        <dl className="divide-y divide-bordure border border-bordure" data-testid="resume-donnees">
          <div className="grid gap-1 p-4 sm:grid-cols-3">
            <dt className="font-bold">Mon compte</dt>
            <dd className="sm:col-span-2">
              PROFIL {formatNumero('profil', user.numero)} : {user.prenom} {user.nom}, {user.email}
            </dd>
          </div>
          <div className="grid gap-1 p-4 sm:grid-cols-3">
            <dt className="font-bold">Mes projets</dt>
            <dd className="sm:col-span-2">
              {plural(projets.length, 'projet', 'projets')} (<Link href="/candidat/projets">Mes projets</Link>)
            </dd>
          </div>
          <div className="grid gap-1 p-4 sm:grid-cols-3">
            <dt className="font-bold">Mon CV</dt>
            <dd className="sm:col-span-2">
              {cv ? (
                <>
                  « {cv.filename} » ({formatTaille(cv.size)}), déposé le {formatDate(cv.createdAt)}
                </>
              ) : (
                'Aucun CV déposé'
              )}
            </dd>
          </div>
          <div className="grid gap-1 p-4 sm:grid-cols-3">
            <dt className="font-bold">Mes candidatures</dt>
            <dd className="sm:col-span-2">
              {plural(candidatures.total, 'candidature', 'candidatures')} (
              <Link href="/candidat/candidatures">Mes candidatures</Link>)
            </dd>
          </div>
          <div className="grid gap-1 p-4 sm:grid-cols-3">
            <dt className="font-bold">Mes notifications</dt>
            <dd className="sm:col-span-2">{plural(notifications.total, 'notification', 'notifications')}</dd>
          </div>
        </dl>
        <p className="mt-3 text-sm">
          La plateforme conserve aussi les messages que des structures vous ont envoyés, et, pour la sécurité du service,
          un journal des actions sensibles (connexions, dépôt de votre CV, consultation de votre CV par une structure).
        </p>
      </section>

      <section aria-labelledby="telecharger-titre" className="mb-10 max-w-3xl">
        <h2 id="telecharger-titre" className="mb-3 text-xl font-bold text-bleu">
          Télécharger mes données
        </h2>
        <p className="mb-4">
          Un fichier au format JSON, lisible par un ordinateur, qui contient tout ce que la plateforme conserve sur vous :
          votre compte, vos projets (formations et expériences comprises), vos candidatures et les réponses reçues, vos
          notifications, les messages reçus et votre CV (le fichier lui-même, encodé en base 64).
        </p>
        {/* a plain link: the file is produced by a route, never prefetched */}
        <a href="/api/candidat/export" download className={buttonClasses('primary')}>
          Télécharger mes données
        </a>
      </section>

      <section aria-labelledby="supprimer-titre" className="max-w-3xl">
        <h2 id="supprimer-titre" className="mb-3 text-xl font-bold text-bleu">
          Supprimer mon compte
        </h2>
        <p>Si vous supprimez votre compte :</p>
        <ul className="my-3 list-disc space-y-1 pl-6" id="suppression-consequences">
          <li>vos projets, avec leurs formations et leurs expériences, sont effacés ;</li>
          <li>votre CV est effacé, y compris les exemplaires joints à vos candidatures ;</li>
          <li>vos notifications et les messages reçus des structures sont effacés ;</li>
          <li>
            vos candidatures sont conservées de façon anonyme pour les statistiques des structures : elles ne portent plus
            ni votre nom, ni vos coordonnées, ni votre message, ni votre CV ;
          </li>
          <li>vous êtes déconnecté partout où vous étiez connecté ;</li>
          <li>un e-mail vous confirme la suppression.</li>
        </ul>
        <p className="mb-6 font-bold">
          La suppression est immédiate et définitive : votre compte ne pourra pas être récupéré. Pensez à télécharger vos
          données avant.
        </p>
        <DeleteAccountForm email={user.email} />
      </section>
    </>
  );
}
