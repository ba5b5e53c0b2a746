import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireAdmin } from '@/lib/auth/guards';

export const metadata = { title: "Structures" };

export default async function Page() {
  await requireAdmin();
  return <PlaceholderPage title="Structures" crumbs={[{ label: "Administration", href: '/admin' }]} what="La recherche et la gestion des structures sont bientôt disponibles." />;
}
