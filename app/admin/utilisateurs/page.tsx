import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireAdmin } from '@/lib/auth/guards';

export const metadata = { title: "Utilisateurs" };

export default async function Page() {
  await requireAdmin();
  return <PlaceholderPage title="Utilisateurs" crumbs={[{ label: "Administration", href: '/admin' }]} what="La recherche et la gestion des utilisateurs sont bientôt disponibles." />;
}
