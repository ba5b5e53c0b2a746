import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/guards';
import { TRANCHES_EFFECTIFS } from '@/lib/entreprises/recherche-entreprises';
import { EmployeurForm } from './_components/employeur-form';

export const metadata = { title: 'Ajouter un employeur' };

const EFFECTIF_OPTIONS = Object.entries(TRANCHES_EFFECTIFS).map(([value, label]) => ({ value, label }));

/** Every member of a completed structure may add the structure's partner employers. */
export default async function AjouterEmployeurPage() {
  await requireStaff();
  return (
    <>
      <PageHeader
        title="Ajouter un employeur"
        crumbs={[
          { label: 'Mes offres', href: '/mes-offres' },
          { label: 'Suivi des employeurs', href: '/mes-offres/employeurs' },
        ]}
      />
      <p className="mb-6">
        Complétez le formulaire. Vous devez enregistrer les entreprises en renseignant le champ « Siret » : la recherche par SIRET remplit les autres champs.
      </p>
      <EmployeurForm effectifOptions={EFFECTIF_OPTIONS} />
    </>
  );
}
