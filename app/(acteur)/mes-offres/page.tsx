import { PageHeader } from '@/components/layout/page-header';
import { ButtonLink } from '@/components/ui/button';
import { requireStaff } from '@/lib/auth/guards';
import { getStaffDashboardCounts } from '@/lib/data/staff';

export const metadata = { title: 'Mes offres' };

export default async function MesOffresPage() {
  const user = await requireStaff();
  const { offres } = await getStaffDashboardCounts(user);
  return (
    <>
      <PageHeader title="Suivi de mes offres" crumbs={[{ label: 'Mes offres' }]} />
      <p className="mb-6">
        <ButtonLink href="/mes-offres/nouvelle">Création d&apos;une nouvelle offre</ButtonLink>
      </p>
      <ul className="grid max-w-2xl grid-cols-3 gap-3 text-center" aria-label="Mes offres par statut">
        {[
          ['En cours', offres.EN_COURS],
          ['Pourvues', offres.POURVUE],
          ['Archivées', offres.ARCHIVEE],
        ].map(([label, count]) => (
          <li key={label} className="border border-bordure p-4">
            <span className="block font-medium">{label}</span>
            <span className="block text-3xl font-bold text-bleu">{count}</span>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-sm">La liste détaillée de vos offres et leur gestion (Pourvue, Archiver) sont bientôt disponibles.</p>
    </>
  );
}
