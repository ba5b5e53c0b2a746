import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireAdmin } from '@/lib/auth/guards';

export const metadata = { title: "Demandes d'employeurs" };

export default async function Page() {
  await requireAdmin();
  return <PlaceholderPage title="Demandes d'employeurs" crumbs={[{ label: "Administration", href: '/admin' }]} what="La file des demandes d'ajout d'employeurs à valider ou refuser est bientôt disponible." />;
}
