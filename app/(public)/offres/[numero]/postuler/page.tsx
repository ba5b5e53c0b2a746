import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PlaceholderPage } from '@/components/layout/placeholder-page';
import { requireCandidate } from '@/lib/auth/guards';
import { getOffrePublique } from '@/lib/data/offres-publiques';
import { formatNumero } from '@/lib/format';
import { parseNumeroOffre } from '@/lib/validations/offres-publiques';

export const metadata: Metadata = { title: 'Postuler', robots: { index: false } };

/** « Postuler » comes in a later release: the page already requires a candidate and an open public offer. */
export default async function PostulerPage({ params }: { params: Promise<{ numero: string }> }) {
  await requireCandidate();
  const numero = parseNumeroOffre((await params).numero);
  const offre = numero === null ? null : await getOffrePublique(numero);
  if (!offre || offre.status !== 'EN_COURS') notFound();
  return (
    <PlaceholderPage
      title="Postuler"
      crumbs={[
        { label: 'Offres', href: '/offres' },
        { label: `OFFRE ${formatNumero('offre', offre.numero)}`, href: `/offres/${offre.numero}` },
      ]}
      what={`La candidature en ligne à l'offre « ${offre.metier} » ouvre prochainement : vous pourrez y joindre votre projet et votre CV.`}
    />
  );
}
