import { z } from 'zod';
import type { EmailStatut } from '@/lib/data/admin-emails';
import { EMAIL_TABS } from './messages';

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

// each parameter on its own: an invalid one is ignored, never an error page
const statutSchema = z.enum(EMAIL_TABS.map((t) => t.slug) as [string, ...string[]]);
const qSchema = z.string().trim().min(1).max(100);
const pageSchema = z.coerce.number().int().min(1).max(100_000);

export interface AdminEmailsSearch {
  statut?: EmailStatut;
  q?: string;
  page: number;
}

/** `?statut=echecs&q=…&page=2`. */
export function parseAdminEmailsSearch(params: Record<string, string | string[] | undefined>): AdminEmailsSearch {
  const slug = statutSchema.safeParse(first(params.statut));
  const statut = slug.success ? EMAIL_TABS.find((t) => t.slug === slug.data)?.statut : undefined;
  const q = qSchema.safeParse(first(params.q));
  const page = pageSchema.safeParse(first(params.page));
  return { statut, q: q.success ? q.data : undefined, page: page.success ? page.data : 1 };
}

export function slugOf(statut: EmailStatut | undefined): string {
  return EMAIL_TABS.find((t) => t.statut === statut)!.slug;
}

export function hrefFor({ statut, q, page }: AdminEmailsSearch, base = '/admin/emails') {
  const params = new URLSearchParams();
  if (statut) params.set('statut', slugOf(statut));
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}
