import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireAdmin } from '@/lib/auth/guards';

export const metadata = { title: "Journal d'audit" };

export default async function Page() {
  await requireAdmin();
  return <PlaceholderPage title="Journal d'audit" crumbs={[{ label: "Administration", href: '/admin' }]} what="La consultation du journal d'audit est bientôt disponible." />;
}
