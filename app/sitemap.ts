import type { MetadataRoute } from 'next';
import { listOffresSitemap } from '@/lib/data/offres-publiques';
import { appUrl } from '@/lib/env';

/** Read on every request (never at build time, which has no database): open offers appear at once. */
export const dynamic = 'force-dynamic';

const PUBLIC_PAGES = ['/', '/offres', '/vite-mon-stage', '/mentions-legales', '/politique-rgpd', '/confidentialite', '/charte', '/accessibilite', '/aide'];

/**
 * /sitemap.xml: the public pages and every public open offer (at most 50,000 URLs, the protocol's
 * limit per file — beyond, split it with generateSitemaps).
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = appUrl();
  const offres = await listOffresSitemap();
  return [
    ...PUBLIC_PAGES.map((path) => ({ url: `${base}${path === '/' ? '' : path}`, changeFrequency: path === '/offres' ? ('daily' as const) : ('monthly' as const) })),
    ...offres.map((o) => ({ url: `${base}/offres/${o.numero}`, lastModified: o.updatedAt })),
  ];
}
