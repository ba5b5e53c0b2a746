import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { INVALID_RESET_LINK_MESSAGE, isResetTokenUsable } from '@/lib/data/auth';
import { ResetPasswordForm } from './_components/reset-password-form';

export const metadata = { title: 'Choisir un nouveau mot de passe', referrer: 'no-referrer' };

export default async function ReinitialiserPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = token.length <= 200 && (await isResetTokenUsable(token));
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Choisir un nouveau mot de passe" crumbs={[{ label: 'Se connecter', href: '/connexion' }]} />
      {usable ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert kind="error" title="Lien invalide">
          <p>{INVALID_RESET_LINK_MESSAGE}</p>
          <p className="mt-2">
            <Link href="/mot-de-passe-oublie">Demander un nouveau lien</Link>
          </p>
        </Alert>
      )}
    </div>
  );
}
