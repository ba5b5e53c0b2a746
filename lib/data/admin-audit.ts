import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { assertAdmin } from '@/lib/data/admin-access';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { escapeLike } from '@/lib/search';

/**
 * « Journal d'audit » (/admin/audit): every change that matters, as written by writeAudit
 * (lib/data/audit.ts). Read-only. Every function checks the ADMIN role itself (assertAdmin).
 */

export const ADMIN_AUDIT_PAGE_SIZE = 50;
export const ADMIN_AUDIT_EXPORT_MAX = 10_000;

export interface AuditFilters {
  /** Part of the actor's e-mail, first name or last name (every word must match). */
  acteur?: string;
  /** An exact action (« offre.creation ») or a prefix ending with a dot (« offre. »). */
  action?: string;
  /** First day included, « yyyy-mm-dd », a day in Europe/Paris. */
  du?: string;
  /** Last day included, « yyyy-mm-dd », a day in Europe/Paris. */
  au?: string;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const offsetFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Paris',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Paris time minus UTC at this instant, in ms (+1 h in winter, +2 h in summer). */
function parisOffsetMs(instant: number): number {
  const p = Object.fromEntries(offsetFormatter.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a Paris day begins (« 2026-03-29 » → 2026-03-28T23:00Z); null when not a real date. */
export function parisDayStart(day: string, plusDays = 0): Date | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const naive = Date.UTC(y, mo - 1, d + plusDays);
  let instant = naive - parisOffsetMs(naive);
  instant = naive - parisOffsetMs(instant); // the offset may change that very night (DST)
  return new Date(instant);
}

function where(filters: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  const words = (filters.acteur ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 5).map(escapeLike);
  for (const w of words) {
    and.push({
      actor: {
        OR: [{ email: { contains: w, mode: 'insensitive' } }, { prenom: { contains: w, mode: 'insensitive' } }, { nom: { contains: w, mode: 'insensitive' } }],
      },
    });
  }
  const action = filters.action?.trim();
  if (action) and.push(action.endsWith('.') ? { action: { startsWith: escapeLike(action) } } : { action });
  const du = filters.du ? parisDayStart(filters.du) : null;
  if (du) and.push({ createdAt: { gte: du } });
  const au = filters.au ? parisDayStart(filters.au, 1) : null;
  if (au) and.push({ createdAt: { lt: au } });
  return and.length > 0 ? { AND: and } : {};
}

const SELECT = {
  id: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  ip: true,
  createdAt: true,
  actor: { select: { id: true, email: true, prenom: true, nom: true } },
} satisfies Prisma.AuditLogSelect;

export type AuditRow = Prisma.AuditLogGetPayload<{ select: typeof SELECT }>;

/** « Système » when the change had no signed-in author (worker, script, deleted account). */
export function acteurLabel(row: Pick<AuditRow, 'actor'>): string {
  if (!row.actor) return 'Système';
  const nom = `${row.actor.prenom ?? ''} ${row.actor.nom ?? ''}`.trim();
  return nom ? `${nom} (${row.actor.email})` : row.actor.email;
}

/** Newest first, 50 a page. */
export async function listAudit(actor: CurrentUser, filters: AuditFilters & { page: number }) {
  await assertAdmin(actor);
  const w = where(filters);
  const total = await db.auditLog.count({ where: w });
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page) || 1), pageCount);
  const rows =
    total === 0
      ? []
      : await db.auditLog.findMany({
          where: w,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          skip: (page - 1) * ADMIN_AUDIT_PAGE_SIZE,
          take: ADMIN_AUDIT_PAGE_SIZE,
          select: SELECT,
        });
  return { rows, total, page, pageCount };
}

/** The distinct actions recorded so far, sorted (for the filter's select). */
export async function listAuditActions(actor: CurrentUser): Promise<string[]> {
  await assertAdmin(actor);
  const rows = await db.$queryRaw<{ action: string }[]>`SELECT DISTINCT "action" FROM "AuditLog" ORDER BY "action"`;
  return rows.map((r) => r.action);
}

/** Every row of the filters for the CSV export (capped at 10 000), newest first. */
export async function exportAudit(actor: CurrentUser, filters: AuditFilters): Promise<AuditRow[]> {
  await assertAdmin(actor);
  return db.auditLog.findMany({ where: where(filters), orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: ADMIN_AUDIT_EXPORT_MAX, select: SELECT });
}
