import { PageHeader } from '@/components/layout/page-header';
import { requireActeur, type StaffUser } from '@/lib/auth/guards';
import { hasCompletedStructure } from '@/lib/auth/permissions';
import { getMyStructure } from '@/lib/data/staff';
import { communesForPostalCode } from '@/lib/data/structure';
import { TRANCHES_EFFECTIFS, libelleTrancheEffectif } from '@/lib/entreprises/recherche-entreprises';
import { STRUCTURE_TYPE_LABELS } from '@/lib/labels';
import { libelleNafSection } from '@/lib/referentiels/naf-sections';
import { StructureForm } from './_components/structure-form';

export const metadata = { title: 'Ma structure' };

const EFFECTIF_OPTIONS = Object.entries(TRANCHES_EFFECTIFS).map(([value, label]) => ({ value, label }));

export default async function MaStructurePage() {
  const user = await requireActeur();

  if (!hasCompletedStructure(user)) {
    return (
      <>
        <PageHeader title="Ma structure" crumbs={[{ label: 'Mon compte' }]} />
        <p className="mb-2">Lors de votre première connexion on vous demande de compléter les informations concernant votre structure.</p>
        <p className="mb-6">Renseignez les champs du formulaire. Cliquez sur « Valider ».</p>
        <StructureForm
          mode="create"
          effectifOptions={EFFECTIF_OPTIONS}
          defaultValues={{
            siret: '',
            raisonSociale: '',
            sigle: '',
            type: '' as never,
            codeNaf: '',
            domaineActivite: '',
            effectif: '',
            adresse: '',
            complementAdresse: '',
            codePostal: '',
            communeInsee: '',
            telephone: '',
            email: '',
            accueilStagiaires3e: false,
            accueilStagiaires2de: false,
          }}
        />
      </>
    );
  }

  const staff = user as StaffUser;
  const s = await getMyStructure(staff);
  if (staff.membership.role === 'GESTIONNAIRE') {
    return (
      <>
        <PageHeader title="Ma structure" crumbs={[{ label: 'Mon compte' }]} />
        <p className="mb-6">Vous retrouvez les informations de votre structure. En tant que gestionnaire, vous pouvez les modifier.</p>
        <StructureForm
          mode="update"
          effectifOptions={EFFECTIF_OPTIONS}
          initialCommunes={await communesForPostalCode(s.codePostal)}
          defaultValues={{
            siret: s.siret,
            raisonSociale: s.raisonSociale,
            sigle: s.sigle ?? '',
            type: s.type,
            codeNaf: s.codeNaf ?? '',
            domaineActivite: s.domaineActivite ?? '',
            effectif: s.effectif ?? '',
            adresse: s.adresse,
            complementAdresse: s.complementAdresse ?? '',
            codePostal: s.codePostal,
            communeInsee: s.communeInsee,
            telephone: s.telephone ?? '',
            email: s.email ?? '',
            accueilStagiaires3e: s.accueilStagiaires3e,
            accueilStagiaires2de: s.accueilStagiaires2de,
          }}
        />
      </>
    );
  }

  const rows: [string, string | null][] = [
    ['N° de Siret', s.siret],
    ['Raison sociale', s.raisonSociale],
    ['Sigle', s.sigle],
    ['Type de structure', STRUCTURE_TYPE_LABELS[s.type]],
    ['Code Naf', s.codeNaf],
    ["Domaine d'activité", libelleNafSection(s.domaineActivite)],
    ['Effectif', libelleTrancheEffectif(s.effectif)],
    ['Adresse', [s.adresse, s.complementAdresse].filter(Boolean).join(', ')],
    ['Code postal', s.codePostal],
    ['Commune', s.commune],
    ['Téléphone', s.telephone],
    ['E-mail', s.email],
    ['Stagiaires de 3e', s.accueilStagiaires3e ? "J'accepte de recevoir des stagiaires de troisième (1 semaine)" : 'Non'],
    ['Stagiaires de 2de', s.accueilStagiaires2de ? "J'accepte de recevoir des stagiaires de seconde (2 semaines)" : 'Non'],
  ];
  return (
    <>
      <PageHeader title="Ma structure" crumbs={[{ label: 'Mon compte' }]} />
      <p className="mb-4">Vous retrouvez les informations de votre structure. Seul le gestionnaire peut les modifier.</p>
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
