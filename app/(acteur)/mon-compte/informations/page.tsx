import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/guards';
import { formatNumero } from '@/lib/format';

export const metadata = { title: 'Mes informations personnelles' };

export default async function MesInformationsPage() {
  const user = await requireStaff();
  const rows: [string, string][] = [
    ['Numéro', `${user.membership.role} ${formatNumero('utilisateur', user.numero)}`],
    ['Prénom', user.prenom],
    ['Nom', user.nom],
    ['E-mail', user.email],
    ['Structure', user.membership.structure.raisonSociale],
  ];
  return (
    <>
      <PageHeader title="Mes informations personnelles" crumbs={[{ label: 'Mon compte' }]} />
      <p className="mb-4">Vous retrouvez les informations de votre compte.</p>
      <dl className="grid max-w-3xl gap-x-6 gap-y-2 md:grid-cols-[14rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
