import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/guards';
import { listMembres } from '@/lib/data/membres';
import { formatDate, formatNumero } from '@/lib/format';
import { MembresManager } from './_components/membres-manager';

export const metadata = { title: 'Utilisateurs de ma structure' };

/** « Utilisateurs de ma structure »: gestionnaires only (others go to « / » with the guide's message). */
export default async function UtilisateursPage() {
  const user = await requireStaff({ role: 'GESTIONNAIRE' });
  const { membres, invitations } = await listMembres(user);
  return (
    <>
      <PageHeader title="Utilisateurs de ma structure" crumbs={[{ label: 'Mon compte' }]}>
        <p className="mt-1 text-lg">{user.membership.structure.raisonSociale}</p>
      </PageHeader>
      <div className="mb-6">
        <p>En tant que gestionnaire ce menu vous permet :</p>
        <ul className="mt-1 list-disc pl-6">
          <li>1 : D&apos;ajouter des collaborateurs de votre structure en tant que gestionnaire (ou utilisateur).</li>
          <li>2 : De transférer vos droits si nécessaire.</li>
        </ul>
      </div>
      <MembresManager
        membres={membres.map((m) => ({ ...m, numeroAffiche: formatNumero('utilisateur', m.numero) }))}
        invitations={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expireLe: formatDate(i.expiresAt) }))}
      />
    </>
  );
}
