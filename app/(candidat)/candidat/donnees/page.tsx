import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireCandidate } from '@/lib/auth/guards';

export const metadata = { title: "Mes données" };

export default async function Page() {
  await requireCandidate();
  return <PlaceholderPage title="Mes données" crumbs={[{ label: "Mon espace candidat", href: '/candidat' }]} what="Le téléchargement de vos données et la suppression de votre compte sont bientôt disponibles. En attendant, écrivez à equipe@cmonalternance-na.fr." />;
}
