import { ComingSoon, PageHeader } from '@/components/layout/page-header';

export const metadata = { title: 'Vite mon stage' };

export default function ViteMonStagePage() {
  return (
    <>
      <PageHeader title="Trouver mon stage de troisième et de seconde en Nouvelle-Aquitaine" />
      <ComingSoon what="La liste des structures qui accueillent des stagiaires de 3e et de 2de ouvre prochainement." />
    </>
  );
}
