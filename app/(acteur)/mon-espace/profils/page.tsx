import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireStaff } from '@/lib/auth/guards';

export const metadata = { title: "Recherche de profils" };

export default async function Page() {
  await requireStaff();
  return <PlaceholderPage title="Recherche de profils" crumbs={[{ label: "Mon espace", href: '/mon-espace' }]} what="La recherche de profils (métier, type de contrat, diplôme, zone géographique, niveau) est bientôt disponible." />;
}
