import type { ReactNode } from 'react';
import { requireAdmin } from '@/lib/auth/guards';

/** The admin layout checks the role from the database; so does every admin data function and action. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return children;
}
