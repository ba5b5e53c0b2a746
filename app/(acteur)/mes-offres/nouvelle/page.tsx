import { PageHeader } from '@/components/layout/page-header';
import { requireStaff } from '@/lib/auth/guards';
import { getOffreFormOptions } from '@/lib/data/offres';
import { OffreForm } from './_components/offre-form';

export const metadata = { title: 'Créer une offre' };

export default async function CreerOffrePage() {
  const user = await requireStaff();
  const { employeurs, membres } = await getOffreFormOptions(user);
  return (
    <>
      <PageHeader title="Créer une offre" crumbs={[{ label: 'Mes offres', href: '/mes-offres' }]} />
      <div className="mb-6 max-w-4xl space-y-3">
        <p>
          Vous devez renseigner vos offres le plus précisément possible. N&apos;oubliez pas de renseigner un ou plusieurs diplômes.
        </p>
        <p>Plus l&apos;information est complète plus vous aurez de chances de trouver les candidats qui correspondent à vos projets et objectifs.</p>
        <p className="border-l-4 border-bleu bg-bleu-clair p-4">
          <strong>! A noter :</strong> le site CMonAlternance <strong>ne diffuse pas les coordonnées des entreprises</strong>, les candidats peuvent
          postuler en ligne avec un compte et un projet professionnel mais ils ne peuvent pas vous contacter de manière privée.
        </p>
      </div>
      <h2 className="mb-4 text-xl font-bold text-bleu">Complétez le formulaire</h2>
      <OffreForm
        mode="create"
        employeurs={employeurs}
        membres={membres}
        currentUserId={user.id}
        defaultValues={{
          types: [],
          employeurId: '',
          appellationCode: '',
          metier: '',
          description: '',
          adresse: '',
          complementAdresse: '',
          codePostal: '',
          communeInsee: '',
          dateEmbauche: '',
          dureeMois: '',
          referentId: membres.some((m) => m.id === user.id) ? user.id : '',
          nombrePostes: '1',
          diplomes: [],
        }}
      />
    </>
  );
}
