import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireStaff } from '@/lib/auth/guards';

export const metadata = { title: "Créer une offre" };

export default async function Page() {
  await requireStaff();
  return <PlaceholderPage title="Créer une offre" crumbs={[{ label: "Mes offres", href: '/mes-offres' }]} what="La création d'offres (type d'alternance, employeur, métier, diplômes, lieu de travail, date prévue d'embauche) est bientôt disponible." />;
}
