import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { signOutForInvitationAction } from '@/lib/actions/membres';
import { getCurrentUser } from '@/lib/auth/session';
import { getInvitation, invitationProblemMessage } from '@/lib/data/membres';
import { formatDate } from '@/lib/format';
import { MEMBRES_MESSAGES } from '@/lib/validations/membres';
import { AcceptInvitationForm } from './_components/accept-invitation-form';

export const metadata = { title: 'Rejoindre une structure', referrer: 'no-referrer', robots: { index: false } };

/** The link of an invitation e-mail: shows the structure and the role, then a sign-up form. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([getInvitation(token), getCurrentUser()]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Rejoindre une structure" />
      {invitation.status !== 'valide' ? (
        <Alert kind="error" title="Invitation non valable">
          <p>{invitationProblemMessage(invitation.status)}</p>
          <p className="mt-2">
            <Link href="/connexion">Se connecter</Link> · <Link href="/">Retour à l&apos;accueil</Link>
          </p>
        </Alert>
      ) : (
        <>
          <section aria-labelledby="invitation-titre" className="mb-6 border-l-4 border-bleu bg-bleu-clair p-4">
            <h2 id="invitation-titre" className="text-xl font-bold text-bleu">
              {invitation.structure}
            </h2>
            <p className="mt-2">
              {invitation.inviteur} vous invite à rejoindre cette structure sur CMonAlternance en tant que{' '}
              <strong>{invitation.role}</strong>.
            </p>
            <p className="mt-1 text-sm">Invitation valable jusqu&apos;au {formatDate(invitation.expiresAt)}, pour un seul compte.</p>
          </section>
          {user ? (
            <Alert kind="warning" title="Déconnexion nécessaire">
              <p>{MEMBRES_MESSAGES.deconnexionRequise}</p>
              <form action={signOutForInvitationAction.bind(null, token)} className="mt-3">
                <Button type="submit" variant="secondary">
                  Se déconnecter et revenir à l&apos;invitation
                </Button>
              </form>
            </Alert>
          ) : (
            <>
              <p className="mb-6">
                Créez votre compte pour rejoindre la structure. Vous avez déjà un compte ?{' '}
                <Link href="/connexion">Connectez-vous</Link> et demandez au gestionnaire de vous ajouter avec votre adresse.
              </p>
              <AcceptInvitationForm token={token} email={invitation.email} />
            </>
          )}
        </>
      )}
    </div>
  );
}
