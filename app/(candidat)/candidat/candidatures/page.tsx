import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireCandidate } from '@/lib/auth/guards';

export const metadata = { title: "Mes candidatures" };

export default async function Page() {
  await requireCandidate();
  return <PlaceholderPage title="Mes candidatures" crumbs={[{ label: "Mon espace candidat", href: '/candidat' }]} what="Le suivi de vos candidatures (Envoyée, Entretien proposé, Non retenue) est bientôt disponible." />;
}
