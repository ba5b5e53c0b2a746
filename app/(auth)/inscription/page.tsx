import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { homePathFor } from '@/lib/auth/permissions';
import { getCurrentUser } from '@/lib/auth/session';
import { SignUpForm } from './_components/sign-up-form';

export const metadata = { title: 'Créer un compte' };

export default async function InscriptionPage({ searchParams }: { searchParams: Promise<{ profil?: string }> }) {
  const { profil } = await searchParams;
  const user = await getCurrentUser();
  if (user) redirect(homePathFor(user));
  const defaultKind = profil === 'candidat' ? 'CANDIDAT' : profil === 'acteur' ? 'ACTEUR' : undefined;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Créer un compte" />
      <p className="mb-6">
        Vous avez déjà un compte ? <Link href="/connexion">Se connecter</Link>
      </p>
      <SignUpForm defaultKind={defaultKind} />
    </div>
  );
}
