import { PageHeader } from '@/components/layout/page-header';
import { ForgotPasswordForm } from './_components/forgot-password-form';

export const metadata = { title: 'Mot de passe oublié' };

export default function MotDePasseOubliePage() {
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title="Mot de passe oublié" crumbs={[{ label: 'Se connecter', href: '/connexion' }]} />
      <p className="mb-6">
        Saisissez l&apos;adresse e-mail de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe. Ce lien est
        valable 1 heure et ne peut servir qu&apos;une fois.
      </p>
      <ForgotPasswordForm />
    </div>
  );
}
