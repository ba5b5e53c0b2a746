import type { ReactNode } from 'react';
import { requireCandidate } from '@/lib/auth/guards';

export default async function CandidatLayout({ children }: { children: ReactNode }) {
  await requireCandidate();
  return children;
}
