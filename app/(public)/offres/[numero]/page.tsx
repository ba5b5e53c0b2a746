import { notFound } from 'next/navigation';
import { ComingSoon, PageHeader } from '@/components/layout/page-header';
import { formatNumero } from '@/lib/format';

export default async function OffrePage({ params }: { params: Promise<{ numero: string }> }) {
  const { numero } = await params;
  if (!/^\d{1,10}$/.test(numero)) notFound();
  return (
    <>
      <PageHeader title={`OFFRE ${formatNumero('offre', Number(numero))}`} crumbs={[{ label: 'Offres', href: '/offres' }]} />
      <ComingSoon what="Les pages publiques des offres ouvrent prochainement." />
    </>
  );
}
