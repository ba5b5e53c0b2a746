import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireStaff } from '@/lib/auth/guards';

export const metadata = { title: "Suivi des employeurs" };

export default async function Page() {
  await requireStaff();
  return <PlaceholderPage title="Suivi des employeurs" crumbs={[{ label: "Mes offres", href: '/mes-offres' }]} what="La liste des employeurs que vous avez ajoutés et leur validation par l'équipe CMonAlternance sont bientôt disponibles." />;
}
