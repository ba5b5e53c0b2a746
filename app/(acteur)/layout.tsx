import type { ReactNode } from 'react';
import { requireActeur } from '@/lib/auth/guards';

/** First line of defence for the acteur area; every page and action checks again. */
export default async function ActeurLayout({ children }: { children: ReactNode }) {
  await requireActeur();
  return children;
}
