import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { MEMBRES_MESSAGES } from '@/lib/validations/membres';
import { requireStaff } from '@/lib/auth/guards';
import { getStaffDashboardCounts } from '@/lib/data/staff';

export const metadata = { title: 'Tableau de bord' };

export default async function TableauDeBordPage({ searchParams }: { searchParams: Promise<{ bienvenue?: string; droits?: string }> }) {
  const user = await requireStaff();
  const { bienvenue, droits } = await searchParams;
  const counts = await getStaffDashboardCounts(user);
  const totalCandidatures = counts.candidatures.A_TRAITER + counts.candidatures.ACCEPTEE + counts.candidatures.REFUSEE;
  return (
    <>
      <PageHeader title="Tableau de bord" crumbs={[{ label: 'Mon espace' }]} />
      {droits === 'transferes' && <Alert kind="success">{MEMBRES_MESSAGES.droitsTransferes}</Alert>}
      {bienvenue && (
        <Alert kind="success" title="Votre structure est enregistrée">
          Vous en êtes le gestionnaire. Vous pouvez maintenant ajouter vos employeurs partenaires et publier vos offres.
        </Alert>
      )}
      <form action="/mon-espace/profils" role="search" className="mb-8 flex max-w-2xl gap-2">
        <label htmlFor="q" className="sr-only">
          Rechercher des profils
        </label>
        <input id="q" name="q" placeholder="Métier, type de contrat, diplôme, ..." className="flex-1 border-b-2 border-gris bg-gris-clair px-3 py-2" />
        <button type="submit" className="bg-bleu px-4 py-2 font-medium text-white">
          Rechercher des profils
        </button>
      </form>
      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="alertes" className="border border-bordure p-6">
          <h2 id="alertes" className="text-xl font-bold text-bleu">
            Alertes
          </h2>
          <p className="mt-2 text-3xl font-bold">{counts.alertes}</p>
          <p className="mt-2 text-sm">Les profils de candidats qui correspondent à vos offres.</p>
        </section>
        <section aria-labelledby="favoris" className="border border-bordure p-6">
          <h2 id="favoris" className="text-xl font-bold text-bleu">
            Favoris
          </h2>
          <p className="mt-2 text-3xl font-bold">{counts.favoris}</p>
          <p className="mt-2 text-sm">
            <Link href="/mon-espace/favoris">Profils favoris</Link>
          </p>
        </section>
        <section aria-labelledby="candidatures" className="border border-bordure p-6">
          <h2 id="candidatures" className="text-xl font-bold text-bleu">
            Candidatures
          </h2>
          <p className="mt-2">
            <span className="text-3xl font-bold">{totalCandidatures}</span> Candidature/s reçue/s
          </p>
          <ul className="mt-2 text-sm">
            <li className="font-bold text-orange">À traiter : {counts.candidatures.A_TRAITER}</li>
            <li>Acceptées : {counts.candidatures.ACCEPTEE}</li>
            <li>Refusées : {counts.candidatures.REFUSEE}</li>
          </ul>
          <p className="mt-2 text-sm">
            <Link href="/mon-espace/candidatures">Candidatures</Link>
          </p>
        </section>
      </div>
    </>
  );
}
