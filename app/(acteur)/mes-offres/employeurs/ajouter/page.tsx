import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireStaff } from '@/lib/auth/guards';

export const metadata = { title: "Ajouter un employeur" };

export default async function Page() {
  await requireStaff();
  return <PlaceholderPage title="Ajouter un employeur" crumbs={[{ label: "Suivi des employeurs", href: '/mes-offres/employeurs' }]} what="L'ajout d'un employeur par son numéro de Siret est bientôt disponible. La demande d'ajout d'un employeur devra être validée par l'équipe CMonAlternance." />;
}
