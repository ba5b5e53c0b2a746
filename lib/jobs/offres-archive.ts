import { enqueueEmail } from '@/lib/email/send';
import { offreArchivageProcheEmail } from '@/lib/email/templates/offres';
import { appUrl } from '@/lib/env';
import { formatDate, formatNumero } from '@/lib/format';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { startPeriodicJob } from '@/lib/jobs/periodic';
import type { DbClient } from '@/lib/prisma-client';

/**
 * Automatic archiving of the offers (« Archivées » : « offres de plus de 6 mois »).
 *
 * - An offer « En cours » is archived 6 calendar months after its publication or last
 *   reactivation (`publishedAt`), with PostgreSQL's `interval '6 months'` (31 August + 6 months is
 *   28/29 February, as a person counts).
 * - 7 days before, its référent (or, without one, the structure's gestionnaires) is told by e-mail
 *   how to keep it: open it and save it (the edit form resets `publishedAt`).
 * - The clock is a parameter everywhere (`now`), so the tests move it; dates are compared in UTC,
 *   as they are stored (`timestamp(3)` columns holding UTC).
 * - Safe with several app instances: each row is claimed by a single conditional UPDATE (a second
 *   instance waiting on the row lock re-checks the condition and skips it), and the whole run is
 *   serialised by a lease in the JobRun table (see runOffresArchiveJob).
 */

export const OFFRES_ARCHIVE_JOB = 'offres-archive';
/** How long a run may hold the lease before another instance may take over (a crashed instance). */
export const DEFAULT_LOCK_MS = 10 * 60 * 1000;
/** Default interval between two runs in each app instance (OFFRES_ARCHIVE_INTERVAL_MS). */
export const DEFAULT_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

// ───────────────────────────── Archiving ─────────────────────────────

interface ArchivedRow {
  id: string;
  numero: number;
  structureId: string;
  publishedAt: Date;
}

/**
 * Archives every offer « En cours » published (or reactivated) 6 months ago or more, in one
 * UPDATE … RETURNING, with one audit row each (no actor: the platform did it). Returns the count.
 */
export async function archiveExpiredOffres(db: DbClient, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<ArchivedRow[]>`
      UPDATE "Offre"
      SET "status" = 'ARCHIVEE', "archivedAt" = ${now}::timestamp(3), "updatedAt" = ${now}::timestamp(3)
      WHERE "status" = 'EN_COURS'
        AND "publishedAt" <= ${now}::timestamp(3) - interval '6 months'
      RETURNING "id", "numero", "structureId", "publishedAt"`;
    if (rows.length > 0) {
      await tx.auditLog.createMany({
        data: rows.map((r) => ({
          actorId: null,
          action: 'offre.archivage_automatique',
          entityType: 'Offre',
          entityId: r.id,
          before: { numero: r.numero, status: 'EN_COURS', publishedAt: r.publishedAt.toISOString(), archivedAt: null },
          after: { numero: r.numero, status: 'ARCHIVEE', publishedAt: r.publishedAt.toISOString(), archivedAt: now.toISOString() },
        })),
      });
    }
    return rows.length;
  });
}

// ───────────────────────────── Warning 7 days before ─────────────────────────────

interface ClaimedOffre {
  id: string;
  numero: number;
  structureId: string;
  employeurId: string;
  referentId: string | null;
  metier: string;
  publishedAt: Date;
  archiveLe: Date;
}

/**
 * E-mails the référent (or, without one, the structure's gestionnaires) of every offer « En cours »
 * that will be archived within 7 days and has not been warned since its publication or last
 * reactivation. The offers are claimed (archiveWarnedAt set) by a conditional UPDATE in the same
 * transaction as the e-mails and the audit rows: two instances never warn twice, and nothing is
 * marked if the e-mails cannot be written. Returns the number of offers warned.
 *
 * `archiveWarnedAt < publishedAt` also re-arms the warning for an offer reactivated (publishedAt
 * moved forward) after an earlier warning, whether or not the edit form cleared archiveWarnedAt.
 */
export async function warnBeforeArchive(db: DbClient, now: Date): Promise<number> {
  const base = appUrl();
  return db.$transaction(
    async (tx) => {
      const claimed = await tx.$queryRaw<ClaimedOffre[]>`
        UPDATE "Offre"
        SET "archiveWarnedAt" = ${now}::timestamp(3)
        WHERE "status" = 'EN_COURS'
          AND "publishedAt" <= (${now}::timestamp(3) + interval '7 days') - interval '6 months'
          AND "publishedAt" > ${now}::timestamp(3) - interval '6 months'
          AND ("archiveWarnedAt" IS NULL OR "archiveWarnedAt" < "publishedAt")
        RETURNING "id", "numero", "structureId", "employeurId", "referentId", "metier", "publishedAt",
          ("publishedAt" + interval '6 months') AS "archiveLe"`;
      if (claimed.length === 0) return 0;

      const referentIds = [...new Set(claimed.map((o) => o.referentId).filter((id): id is string => id !== null))];
      const structureIds = [...new Set(claimed.map((o) => o.structureId))];
      const employeurIds = [...new Set(claimed.map((o) => o.employeurId))];
      const referents = await tx.user.findMany({
        where: { id: { in: referentIds }, active: true, anonymizedAt: null },
        select: { id: true, email: true, prenom: true, membership: { select: { structureId: true } } },
      });
      const gestionnaires = await tx.membership.findMany({
        where: { structureId: { in: structureIds }, role: 'GESTIONNAIRE', user: { active: true, anonymizedAt: null } },
        orderBy: { createdAt: 'asc' },
        select: { structureId: true, user: { select: { email: true, prenom: true } } },
      });
      const employeurs = await tx.employeur.findMany({ where: { id: { in: employeurIds } }, select: { id: true, raisonSociale: true } });
      const referentById = new Map(referents.map((r) => [r.id, r]));
      const entrepriseById = new Map(employeurs.map((e) => [e.id, e.raisonSociale]));

      const audits = [];
      for (const offre of claimed) {
        const referent = offre.referentId ? referentById.get(offre.referentId) : undefined;
        // a référent who left the structure no longer manages its offers: its gestionnaires do
        const useReferent = referent && referent.membership?.structureId === offre.structureId;
        const recipients = useReferent
          ? [{ email: referent.email, prenom: referent.prenom }]
          : gestionnaires.filter((g) => g.structureId === offre.structureId).map((g) => g.user);
        const numero = formatNumero('offre', offre.numero);
        const jours = Math.max(1, Math.ceil((offre.archiveLe.getTime() - now.getTime()) / DAY_MS));
        for (const to of recipients) {
          await enqueueEmail(tx, {
            to: to.email,
            ...offreArchivageProcheEmail({
              prenom: to.prenom,
              numero,
              metier: offre.metier,
              entreprise: entrepriseById.get(offre.employeurId) ?? '',
              jours,
              archiveLe: formatDate(offre.archiveLe),
              url: `${base}/mes-offres/${offre.numero}/modifier`,
              sansReferent: !useReferent,
            }),
          });
        }
        if (recipients.length === 0) console.warn(`[offres-archive] offre ${numero} : aucun destinataire actif pour l'avertissement d'archivage.`);
        audits.push({
          actorId: null,
          action: 'offre.avertissement_archivage',
          entityType: 'Offre',
          entityId: offre.id,
          before: { numero: offre.numero, archiveWarnedAt: null },
          after: {
            numero: offre.numero,
            archiveWarnedAt: now.toISOString(),
            archiveLe: offre.archiveLe.toISOString(),
            destinataires: recipients.map((r) => r.email),
          },
        });
      }
      await tx.auditLog.createMany({ data: audits });
      return claimed.length;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}

// ───────────────────────────── The run, under a multi-instance lease ─────────────────────────────

export interface OffresArchiveRun {
  /** false: another instance holds the lease, nothing was done. */
  ran: boolean;
  archived: number;
  warned: number;
}

/**
 * Takes the lease of the job (one atomic statement): a new row, or an expired/released lease.
 * Returns the lease's token (its lockedUntil), or null when another instance holds it.
 */
export async function claimJob(db: DbClient, name: string, now: Date, lockMs = DEFAULT_LOCK_MS): Promise<Date | null> {
  const until = new Date(now.getTime() + lockMs);
  const rows = await db.$queryRaw<{ lockedUntil: Date }[]>`
    INSERT INTO "JobRun" ("name", "lockedUntil") VALUES (${name}, ${until}::timestamp(3))
    ON CONFLICT ("name") DO UPDATE SET "lockedUntil" = EXCLUDED."lockedUntil"
    WHERE "JobRun"."lockedUntil" IS NULL OR "JobRun"."lockedUntil" < ${now}::timestamp(3)
    RETURNING "lockedUntil"`;
  return rows[0]?.lockedUntil ?? null;
}

/** Releases the lease (only if still ours) and records the run. */
export async function releaseJob(db: DbClient, name: string, token: Date, now: Date, error: string | null): Promise<void> {
  await db.jobRun.updateMany({
    where: { name, lockedUntil: token },
    data: { lockedUntil: null, lastRunAt: now, lastError: error },
  });
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

/**
 * One run: archive what is due, then warn what will be due within 7 days (in that order, so an
 * offer already due is archived, not told « dans 7 jours »). Runs only if this caller takes the
 * JobRun lease; records lastRunAt and lastError; rethrows an error after recording it.
 *
 * Why a lease row rather than pg_try_advisory_xact_lock: an advisory transaction lock only lives
 * as long as one transaction on one connection, whereas the run is several transactions (archive,
 * then warn and its e-mails) that must each commit on their own; holding a transaction open for
 * the whole run would also fight Prisma's interactive-transaction timeout and transaction-pooling
 * proxies. The lease survives a crash (it expires after lockMs), and JobRun keeps lastRunAt /
 * lastError for the admin. If a lease ever expires under a very slow run, the overlap is harmless:
 * every row is claimed by a conditional UPDATE.
 */
export async function runOffresArchiveJob(db: DbClient, now: Date = new Date(), opts: { lockMs?: number } = {}): Promise<OffresArchiveRun> {
  const token = await claimJob(db, OFFRES_ARCHIVE_JOB, now, opts.lockMs);
  if (!token) return { ran: false, archived: 0, warned: 0 };
  try {
    const archived = await archiveExpiredOffres(db, now);
    const warned = await warnBeforeArchive(db, now);
    await releaseJob(db, OFFRES_ARCHIVE_JOB, token, now, null);
    return { ran: true, archived, warned };
  } catch (error) {
    await releaseJob(db, OFFRES_ARCHIVE_JOB, token, now, describe(error)).catch((e) =>
      console.error('[offres-archive] impossible d’enregistrer l’erreur du job :', e),
    );
    throw error;
  }
}

// ───────────────────────────── In each app instance ─────────────────────────────

/**
 * Runs the job now, then every `intervalMs` after the end of the previous run (runs never overlap
 * in this instance; other instances are kept out by the lease). Errors are logged, never thrown.
 * `intervalMs` ≤ 0 disables it. A second start for the same client returns the first one's stop
 * function (hot reloads in development). The stop function resolves once a run in progress ends.
 */
export function startOffresArchiveJob(
  db: DbClient,
  intervalMs: number = DEFAULT_INTERVAL_MS,
  opts: { clock?: () => Date; lockMs?: number } = {},
): () => Promise<void> {
  const clock = opts.clock ?? (() => new Date());
  return startPeriodicJob('offres-archive', db, intervalMs, async () => {
    const run = await runOffresArchiveJob(db, clock(), { lockMs: opts.lockMs });
    if (run.archived > 0 || run.warned > 0) {
      console.info(`[offres-archive] ${run.archived} offre(s) archivée(s), ${run.warned} avertissement(s) d'archivage envoyé(s).`);
    }
    if (run.warned > 0) void kickEmailWorker(db);
  }, 'erreur du job d’archivage des offres');
}
