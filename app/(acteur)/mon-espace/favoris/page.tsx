import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireStaff } from '@/lib/auth/guards';

export const metadata = { title: "Projets favoris" };

export default async function Page() {
  await requireStaff();
  return <PlaceholderPage title="Projets favoris" crumbs={[{ label: "Mon espace", href: '/mon-espace' }]} what="Vous retrouverez ici tous vos profils favoris." />;
}
