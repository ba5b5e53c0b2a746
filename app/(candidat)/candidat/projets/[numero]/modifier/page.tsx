import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { requireCandidate } from '@/lib/auth/guards';
import { getMyProjet, projetFormValues } from '@/lib/data/candidat';
import { formatNumero } from '@/lib/format';
import { parseNumero } from '@/lib/validations/candidat';
import { ProjetForm } from '../../_components/projet-form';

export const metadata = { title: 'Modifier le projet' };

export default async function ModifierProjetPage({ params }: { params: Promise<{ numero: string }> }) {
  const user = await requireCandidate();
  const numero = parseNumero((await params).numero);
  // another candidate's project, or none: the same 404, whatever the number
  const projet = numero === null ? null : await getMyProjet(user, numero);
  if (!projet) notFound();
  const affiche = formatNumero('projet', projet.numero);

  return (
    <>
      <PageHeader
        title="Modifier le projet"
        crumbs={[
          { label: 'Mon espace candidat', href: '/candidat' },
          { label: 'Mes projets', href: '/candidat/projets' },
        ]}
      >
        <p className="mt-2 font-bold">
          PROJET {affiche} — <span className="uppercase">{projet.metier}</span>
        </p>
      </PageHeader>
      <p className="mb-6 max-w-4xl">
        Vos modifications valent pour vos prochaines candidatures. Les candidatures déjà envoyées gardent le projet tel qu&apos;il était au moment
        de l&apos;envoi.
      </p>
      <ProjetForm mode="update" numero={projet.numero} defaultValues={projetFormValues(projet)} niveauInitial={projet.niveau} />
    </>
  );
}
