import Link from 'next/link';
import { menusFor } from '@/components/layout/menus';
import { NavMenu } from '@/components/layout/nav-menu';
import { signOutAction } from '@/lib/actions/auth';
import type { CurrentUser } from '@/lib/auth/permissions';
import { countUnreadNotifications } from '@/lib/data/notifications';

export const TAGLINE = 'Votre outil pour trouver un apprentissage, un stage ou un candidat en Nouvelle-Aquitaine';

const ROLE_LABELS = { ADMIN: 'Équipe CMonAlternance', CANDIDAT: 'Candidat', ACTEUR: 'Acteur formation/insertion' } as const;

/** The unread count of the header's « Notifications » link; a failure only hides the number. */
async function unreadCount(userId: string): Promise<number | null> {
  try {
    return await countUnreadNotifications(userId);
  } catch (error) {
    console.error('[notifications] compteur indisponible', error);
    return null;
  }
}

/** A server component (rendered by app/layout.tsx): the unread count is read here, once per request. */
export async function Header({ user }: { user: CurrentUser | null }) {
  const menus = menusFor(user);
  const unread = user ? await unreadCount(user.id) : null;
  return (
    <header className="border-b border-bordure">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href="/" className="text-gris no-underline hover:text-gris" aria-label="CMonAlternance — Accueil">
          <span className="block text-2xl font-extrabold tracking-tight">
            <span className="text-rouge">C</span>Mon<span className="text-bleu">A</span>lternance
          </span>
          <span className="block max-w-md text-sm">{TAGLINE}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <Link href="/aide" className="no-underline">Aide</Link>
          {user ? (
            <>
              <span data-testid="current-user" data-tutoriel="compte">
                <span className="font-medium">
                  {user.prenom} {user.nom}
                </span>{' '}
                <span className="text-gray-700">({user.membership ? `${user.membership.role === 'GESTIONNAIRE' ? 'Gestionnaire' : 'Utilisateur'} — ${user.membership.structure.raisonSociale}` : ROLE_LABELS[user.role]})</span>
              </span>
              <Link href="/notifications" className="no-underline" data-testid="notifications-link">
                Notifications
                {unread ? (
                  <>
                    <span aria-hidden="true"> ({unread})</span>
                    <span className="sr-only"> : {unread > 1 ? `${unread} non lues` : '1 non lue'}</span>
                  </>
                ) : null}
              </Link>
              <form action={signOutAction}>
                <button type="submit" className="border border-bleu px-3 py-1 font-medium text-bleu hover:bg-bleu-clair">
                  Se déconnecter
                </button>
              </form>
            </>
          ) : (
            <>
              <Link href="/connexion" className="border border-bleu px-3 py-1 font-medium no-underline">
                Se connecter
              </Link>
              <Link href="/inscription" className="bg-bleu px-3 py-1 font-medium text-white no-underline hover:bg-bleu-hover hover:text-white">
                Créer un compte
              </Link>
            </>
          )}
        </div>
      </div>
      <nav aria-label="Menu principal" className="border-t border-bordure">
        <ul className="mx-auto flex max-w-6xl flex-col px-4 md:flex-row md:flex-wrap">
          {menus.map((menu) => (
            <NavMenu key={menu.label} menu={menu} />
          ))}
        </ul>
      </nav>
    </header>
  );
}
