import { PageHeader } from '@/components/layout/page-header';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { requireCandidate } from '@/lib/auth/guards';
import { listMyProjets } from '@/lib/data/candidat';
import { PROJETS_MAX, PROJET_MESSAGES } from '@/lib/validations/candidat';
import { ProjetForm } from '../_components/projet-form';

export const metadata = { title: 'Créer un projet' };

export default async function NouveauProjetPage() {
  const user = await requireCandidate();
  const projets = await listMyProjets(user);
  return (
    <>
      <PageHeader
        title="Créer un projet"
        crumbs={[
          { label: 'Mon espace candidat', href: '/candidat' },
          { label: 'Mes projets', href: '/candidat/projets' },
        ]}
      />
      <div className="mb-6 max-w-4xl space-y-3">
        <p>
          Décrivez le métier que vous visez, le type d&apos;alternance et le diplôme que vous souhaitez préparer, et où vous cherchez. Plus votre
          projet est complet, plus les structures qui reçoivent vos candidatures vous connaissent.
        </p>
        <p>Vous choisirez ce projet au moment de postuler à une offre.</p>
      </div>
      {projets.length >= PROJETS_MAX ? (
        <Alert kind="warning" title="Vous ne pouvez pas créer d’autre projet.">
          <p>{PROJET_MESSAGES.projetsTrop}</p>
          <p className="mt-3">
            <ButtonLink href="/candidat/projets" variant="secondary">
              Retour à mes projets
            </ButtonLink>
          </p>
        </Alert>
      ) : (
        <ProjetForm mode="create" />
      )}
    </>
  );
}
