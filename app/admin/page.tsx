import { PageHeader } from '@/components/layout/page-header';
import { getAdminCounts } from '@/lib/data/admin';

export const metadata = { title: 'Administration' };

export default async function AdminHomePage() {
  const c = await getAdminCounts();
  const tiles: [string, number][] = [
    ["Demandes d'employeurs en attente", c.demandes],
    ['Structures', c.structures],
    ['Acteurs', c.acteurs],
    ['Candidats', c.candidats],
    ['Offres en cours', c.offresEnCours],
    ['E-mails en échec', c.emailsEnEchec],
  ];
  return (
    <>
      <PageHeader title="Tableau de bord de l'équipe CMonAlternance" crumbs={[{ label: 'Administration' }]} />
      <ul className="grid gap-4 sm:grid-cols-2 md:grid-cols-3" aria-label="Chiffres clés">
        {tiles.map(([label, value]) => (
          <li key={label} className="border border-bordure p-4">
            <span className="block text-sm font-medium">{label}</span>
            <span className="block text-3xl font-bold text-bleu">{value}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
