import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireStaff } from '@/lib/auth/guards';

export const metadata = { title: "Candidatures" };

export default async function Page() {
  await requireStaff();
  return <PlaceholderPage title="Candidatures" crumbs={[{ label: "Mon espace", href: '/mon-espace' }]} what="La gestion des candidatures à vos offres (À traiter, Acceptées, Refusées) et « Répondre à cette candidature » sont bientôt disponibles." />;
}
