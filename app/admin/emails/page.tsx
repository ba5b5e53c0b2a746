import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireAdmin } from '@/lib/auth/guards';

export const metadata = { title: "E-mails" };

export default async function Page() {
  await requireAdmin();
  return <PlaceholderPage title="E-mails" crumbs={[{ label: "Administration", href: '/admin' }]} what="La consultation de la file des e-mails (en attente, envoyé, échec) est bientôt disponible." />;
}
