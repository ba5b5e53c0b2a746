import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { homePathFor, safeCallbackPath } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { SignUpForm } from './_components/sign-up-form';

export const metadata = { title: 'Créer un compte' };

/** « Postuler » of an offer: whoever signs up from there is a candidate coming back to apply. */
const POSTULER = /^\/offres\/\d{1,10}\/postuler$/;

export default async function InscriptionPage({ searchParams }: { searchParams: Promise<{ profil?: string; callbackUrl?: string }> }) {
  const { profil, callbackUrl } = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(homePathFor(user));
  // only a same-site path is kept (no open redirect); the action checks it again for the new account
  const callback = safeCallbackPath(typeof callbackUrl === 'string' ? callbackUrl : null) ?? undefined;
  const postuler = callback !== undefined && POSTULER.test(callback);
  const defaultKind = profil === 'candidat' || (profil === undefined && postuler) ? 'CANDIDAT' : profil === 'acteur' ? 'ACTEUR' : undefined;
  const connexion = callback ? `/connexion?callbackUrl=${encodeURIComponent(callback)}` : '/connexion';
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Créer un compte" />
      {postuler && (
        <Alert kind="info">
          Créez votre compte candidat : vous reviendrez ensuite à l&apos;offre pour postuler.
        </Alert>
      )}
      <p className="mb-6">
        Vous avez déjà un compte ? <Link href={connexion}>Se connecter</Link>
      </p>
      <SignUpForm defaultKind={defaultKind} callbackUrl={callback} />
    </div>
  );
}
