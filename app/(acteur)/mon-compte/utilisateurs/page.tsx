import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/guards';
import { listMyStructureMembers } from '@/lib/data/staff';
import { formatNumero } from '@/lib/format';

export const metadata = { title: 'Utilisateurs de ma structure' };

export default async function UtilisateursPage() {
  const user = await requireStaff({ role: 'GESTIONNAIRE' });
  const members = await listMyStructureMembers(user);
  return (
    <>
      <PageHeader title="Utilisateurs de ma structure" crumbs={[{ label: 'Mon compte' }]}>
        <p className="mt-1 text-lg">{user.membership.structure.raisonSociale}</p>
      </PageHeader>
      <ul className="grid gap-3 md:grid-cols-3" aria-label="Membres de la structure">
        {members.map((m) => (
          <li key={m.user.numero} className="border border-bordure p-4">
            <p className="font-bold">
              {m.role} {formatNumero('utilisateur', m.user.numero)}
            </p>
            <p>
              {m.user.prenom} {m.user.nom}
            </p>
            <p className="text-sm break-all">{m.user.email}</p>
          </li>
        ))}
      </ul>
      <p className="mt-6 text-sm">L&apos;ajout de gestionnaires et le transfert de vos droits sont bientôt disponibles.</p>
    </>
  );
}
