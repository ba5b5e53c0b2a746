import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { requireAdmin } from '@/lib/auth/guards';
import { formatCsvDate } from '@/lib/csv';
import { getEmail } from '@/lib/data/admin-emails';
import { EMAIL_STATUT_LABELS } from '../_components/messages';
import { RetryPanel } from '../_components/retry-button';

export const metadata = { title: 'E-mail' };

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 border-b border-bordure py-2 sm:grid-cols-[12rem_1fr]">
      <dt className="font-medium">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

/**
 * One e-mail of the outbox: its text version in a <pre>, its HTML version in a sandboxed frame
 * (sandbox="" : no script, no form, no same-origin access — the HTML may carry text typed by users).
 */
export default async function EmailPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireAdmin();
  const { id } = await params;
  const email = await getEmail(admin, id);
  if (!email) notFound();

  return (
    <>
      <PageHeader
        title={`E-mail « ${email.subject} »`}
        crumbs={[
          { label: 'Administration', href: '/admin' },
          { label: 'E-mails', href: '/admin/emails' },
        ]}
      />
      <p className="mb-4">
        <Link href="/admin/emails">Retour à la liste des e-mails</Link>
      </p>

      <dl className="mb-6">
        <Item label="Destinataire">{email.to}</Item>
        <Item label="Objet">{email.subject}</Item>
        <Item label="Modèle">{email.template}</Item>
        <Item label="Statut">
          <span data-testid="email-statut">{EMAIL_STATUT_LABELS[email.status]}</span>
        </Item>
        <Item label="Tentatives">{email.attempts}</Item>
        <Item label="Dernière erreur">{email.lastError ?? '—'}</Item>
        <Item label="Créé le">{formatCsvDate(email.createdAt)}</Item>
        <Item label="Envoyé le">{email.sentAt ? formatCsvDate(email.sentAt) : '—'}</Item>
      </dl>

      <RetryPanel email={{ id: email.id, to: email.to, subject: email.subject }} failed={email.status === 'ECHEC'} />

      <h2 className="mb-2 text-xl font-bold">Version texte</h2>
      <pre className="mb-8 overflow-x-auto border border-bordure bg-gray-50 p-4 text-sm whitespace-pre-wrap">{email.text}</pre>

      <h2 className="mb-2 text-xl font-bold">Version HTML</h2>
      <iframe
        title={`Version HTML de l’e-mail « ${email.subject} »`}
        sandbox=""
        srcDoc={email.html}
        referrerPolicy="no-referrer"
        className="h-[36rem] w-full border border-bordure bg-white"
      />
    </>
  );
}
