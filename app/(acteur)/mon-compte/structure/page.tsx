import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { requireActeur, type StaffUser } from '@/lib/auth/guards';
import { hasCompletedStructure } from '@/lib/auth/permissions';
import { getMyStructure } from '@/lib/data/staff';
import { STRUCTURE_TYPE_LABELS } from '@/lib/labels';

export const metadata = { title: 'Ma structure' };

export default async function MaStructurePage() {
  const user = await requireActeur();
  if (!hasCompletedStructure(user)) {
    return (
      <>
        <PageHeader title="Ma structure" crumbs={[{ label: 'Mon compte' }]} />
        <Alert kind="info" title="Complétez les informations concernant votre structure">
          <p>
            Lors de votre première connexion on vous demande de compléter les informations concernant votre structure. Le
            formulaire de création de la structure (avec la recherche par n° de Siret/Siren) est bientôt disponible.
          </p>
        </Alert>
      </>
    );
  }
  const s = await getMyStructure(user as StaffUser);
  const rows: [string, string | null][] = [
    ['N° de Siret', s.siret],
    ['Raison sociale', s.raisonSociale],
    ['Sigle', s.sigle],
    ['Type de structure', STRUCTURE_TYPE_LABELS[s.type]],
    ['Code Naf', s.codeNaf],
    ["Domaine d'activité", s.domaineActivite],
    ['Adresse', [s.adresse, s.complementAdresse].filter(Boolean).join(', ')],
    ['Code postal', s.codePostal],
    ['Commune', s.commune],
    ['Téléphone', s.telephone],
    ['E-mail', s.email],
    ['Stagiaires de 3e', s.accueilStagiaires3e ? 'J\'accepte de recevoir des stagiaires de troisième (1 semaine)' : 'Non'],
    ['Stagiaires de 2de', s.accueilStagiaires2de ? "J'accepte de recevoir des stagiaires de seconde (2 semaines)" : 'Non'],
  ];
  return (
    <>
      <PageHeader title="Ma structure" crumbs={[{ label: 'Mon compte' }]} />
      <p className="mb-4">Vous retrouvez les informations de votre structure.</p>
      <dl className="grid max-w-3xl gap-x-6 gap-y-2 md:grid-cols-[14rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd>{value || '—'}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
