import { ComingSoon, PageHeader } from '@/components/layout/page-header';

export const metadata = { title: 'Offres en alternance' };

export default function OffresPage() {
  return (
    <>
      <PageHeader title="Offres en alternance" />
      <ComingSoon what="La recherche d'offres d'apprentissage, de contrats de professionnalisation et de stages en Nouvelle-Aquitaine ouvre prochainement." />
    </>
  );
}
