import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireAdmin } from '@/lib/auth/guards';

export const metadata = { title: "Offres" };

export default async function Page() {
  await requireAdmin();
  return <PlaceholderPage title="Offres" crumbs={[{ label: "Administration", href: '/admin' }]} what="La recherche et la dépublication des offres sont bientôt disponibles." />;
}
