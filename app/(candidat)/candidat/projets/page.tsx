import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireCandidate } from '@/lib/auth/guards';

export const metadata = { title: "Mes projets" };

export default async function Page() {
  await requireCandidate();
  return <PlaceholderPage title="Mes projets" crumbs={[{ label: "Mon espace candidat", href: '/candidat' }]} what="La création et la modification de vos projets (métier, type d'alternance, diplôme, zone de recherche, formations, expériences) et le dépôt de votre CV sont bientôt disponibles." />;
}
