import { ComingSoon, PageHeader, type Crumb } from '@/components/layout/page-header';

/** A page whose feature comes in a later release: its real title and breadcrumbs, and an honest notice. */
export function PlaceholderPage({ title, crumbs, what }: { title: string; crumbs?: Crumb[]; what: string }) {
  return (
    <>
      <PageHeader title={title} crumbs={crumbs} />
      <ComingSoon what={what} />
    </>
  );
}
