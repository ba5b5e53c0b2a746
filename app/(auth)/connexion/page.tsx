import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { homePathFor, safeCallbackPath } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { SignInForm } from './_components/sign-in-form';

export const metadata = { title: 'Se connecter' };

export default async function ConnexionPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reinitialise?: string; deconnecte?: string }>;
}) {
  const params = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(homePathFor(user));
  // the sign-up link keeps where the visitor was going (e.g. an offer's « Postuler »)
  const callback = safeCallbackPath(typeof params.callbackUrl === 'string' ? params.callbackUrl : null);
  const inscription = callback ? `/inscription?callbackUrl=${encodeURIComponent(callback)}` : '/inscription';
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Se connecter" />
      {params.reinitialise && <Alert kind="success">Votre mot de passe a été modifié. Connectez-vous avec votre nouveau mot de passe.</Alert>}
      {params.deconnecte && <Alert kind="info">Vous êtes déconnecté.</Alert>}
      <p className="mb-6">Connectez-vous avec vos identifiants</p>
      <SignInForm callbackUrl={typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined} />
      <hr className="my-8 border-bordure" />
      <h2 className="text-xl font-bold">Vous n&apos;avez pas de compte ?</h2>
      <p className="mt-2">
        <Link href={inscription}>Créer un compte candidat ou acteur de la formation et de l&apos;insertion</Link>
      </p>
    </div>
  );
}
