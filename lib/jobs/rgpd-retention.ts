import { anonymizedCandidatureData, eraseCandidateAccount } from '@/lib/candidatures/anonymisation';
import { enqueueEmail } from '@/lib/email/send';
import { compteAnonymiseInactiviteEmail, inactiviteAvertissementEmail } from '@/lib/email/templates/candidatures';
import { appUrl, serverEnv } from '@/lib/env';
import { formatDate } from '@/lib/format';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { claimJob, releaseJob } from '@/lib/jobs/offres-archive';
import { startPeriodicJob } from '@/lib/jobs/periodic';
import type { DbClient } from '@/lib/prisma-client';
import { dureeMois, retentionConfig, type RetentionConfig } from '@/lib/retention-config';
import { createStorage, type FileStorage } from '@/lib/storage';

/**
 * Retention (RGPD), the periods of lib/retention-config.ts (the « Politique RGPD » page reads the
 * same ones):
 *
 * 1. a candidate account inactive for RETENTION_INACTIVITE_MOIS (last activity = the latest of
 *    its creation, last sign-in and last request seen) gets a warning e-mail (« Votre compte
 *    CMonAlternance sera anonymisé le … », with a sign-in link); `inactivityWarnedAt` records it;
 * 2. RETENTION_AVERTISSEMENT_JOURS after the warning, an account still inactive since the warning
 *    is erased exactly as « Supprimer mon compte » does (lib/candidatures/anonymisation.ts); any
 *    sign-in or request in between cancels it (and a later inactivity starts a new warning);
 * 3. CVs are deleted (Document row and stored file) RETENTION_CV_MOIS after the candidate's last
 *    application — and at least that long after their upload, so a CV dropped yesterday stays;
 *    the applications keep their snapshot (cvNom, cvTaille) but lose the link: the staff read
 *    « CV supprimé (durée de conservation écoulée) »;
 * 4. answered applications are anonymised RETENTION_CANDIDATURES_MOIS after the answer (same shape
 *    as an account deletion: no candidate, message, CV, trainings or experiences);
 * 5. audit rows older than RETENTION_AUDIT_MOIS and sent or abandoned e-mails older than
 *    RETENTION_EMAILS_JOURS are purged.
 *
 * `now` is a parameter (tests move the clock). Every step claims its rows with FOR UPDATE SKIP
 * LOCKED in batches of `batchSize`, each batch one transaction (its e-mails included); files are
 * removed after the commit. The run holds the JobRun lease (see offres-archive.ts) and writes one
 * audit row with the counts only. Running it twice with the same clock does nothing the second time.
 */

export const RGPD_RETENTION_JOB = 'rgpd-retention';
export const DEFAULT_RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_BATCH = 200;
const PURGE_BATCH = 5000;
const DAY_MS = 24 * 60 * 60 * 1000;
const TX = { maxWait: 10_000, timeout: 120_000 };

export interface RetentionCounts {
  avertissements: number;
  comptesAnonymises: number;
  cvSupprimes: number;
  candidaturesAnonymisees: number;
  auditsPurges: number;
  emailsPurges: number;
}

export interface RetentionRun extends RetentionCounts {
  /** false: another instance holds the lease, nothing was done. */
  ran: boolean;
}

export interface RetentionOptions {
  config?: RetentionConfig;
  storage?: FileStorage;
  batchSize?: number;
  lockMs?: number;
}

const ACTIVITY = `GREATEST("createdAt", "lastLoginAt", "lastSeenAt")`;

/** Step 1: warns the candidates inactive for `inactiviteMois` (once per period of inactivity). */
export async function warnInactiveCandidates(db: DbClient, now: Date, config: RetentionConfig, batch = DEFAULT_BATCH): Promise<number> {
  const le = formatDate(new Date(now.getTime() + config.avertissementJours * DAY_MS));
  const url = `${appUrl()}/connexion`;
  let total = 0;
  for (;;) {
    const n = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: string; email: string; prenom: string }[]>(
        `UPDATE "User" SET "inactivityWarnedAt" = $1::timestamp(3)
         WHERE "id" IN (
           SELECT "id" FROM "User"
           WHERE "role" = 'CANDIDAT' AND "anonymizedAt" IS NULL
             AND ${ACTIVITY} <= $1::timestamp(3) - make_interval(months => $2::int)
             AND ("inactivityWarnedAt" IS NULL OR "inactivityWarnedAt" < ${ACTIVITY})
           ORDER BY "id" LIMIT $3::int
           FOR UPDATE SKIP LOCKED)
         RETURNING "id", "email", "prenom"`,
        now,
        config.inactiviteMois,
        batch,
      );
      for (const u of rows) {
        await enqueueEmail(tx, { to: u.email, ...inactiviteAvertissementEmail({ prenom: u.prenom, le, inactivite: dureeMois(config.inactiviteMois), url }) });
      }
      return rows.length;
    }, TX);
    total += n;
    if (n < batch) return total;
  }
}

/** Step 2: erases the accounts warned `avertissementJours` ago and inactive since. Returns the count and the files to remove. */
export async function eraseInactiveCandidates(db: DbClient, now: Date, config: RetentionConfig, batch = DEFAULT_BATCH): Promise<{ count: number; keys: string[] }> {
  let count = 0;
  const keys: string[] = [];
  for (;;) {
    const done = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: string; email: string; prenom: string }[]>(
        `SELECT "id", "email", "prenom" FROM "User"
         WHERE "role" = 'CANDIDAT' AND "anonymizedAt" IS NULL AND "inactivityWarnedAt" IS NOT NULL
           AND "inactivityWarnedAt" <= $1::timestamp(3) - make_interval(days => $2::int)
           AND ${ACTIVITY} < "inactivityWarnedAt"
         ORDER BY "id" LIMIT $3::int
         FOR UPDATE SKIP LOCKED`,
        now,
        config.avertissementJours,
        batch,
      );
      const batchKeys: string[] = [];
      for (const u of rows) {
        const erased = await eraseCandidateAccount(tx, u.id, now);
        batchKeys.push(...erased.keys);
        await enqueueEmail(tx, { to: u.email, ...compteAnonymiseInactiviteEmail({ prenom: u.prenom }) });
      }
      return { n: rows.length, keys: batchKeys };
    }, TX);
    count += done.n;
    keys.push(...done.keys);
    if (done.n < batch) return { count, keys };
  }
}

/** Step 3: deletes the CVs whose owner's last application and own upload are `cvMois` old. */
export async function deleteExpiredCvs(db: DbClient, now: Date, config: RetentionConfig, batch = DEFAULT_BATCH): Promise<{ count: number; keys: string[] }> {
  let count = 0;
  const keys: string[] = [];
  for (;;) {
    const rows = await db.$transaction(async (tx) => {
      const docs = await tx.$queryRawUnsafe<{ id: string; storageKey: string }[]>(
        `SELECT d."id", d."storageKey" FROM "Document" d
         WHERE d."type" = 'CV'
           AND d."createdAt" <= $1::timestamp(3) - make_interval(months => $2::int)
           AND (SELECT max(c."createdAt") FROM "Candidature" c WHERE c."candidatId" = d."ownerId") <= $1::timestamp(3) - make_interval(months => $2::int)
         ORDER BY d."id" LIMIT $3::int
         FOR UPDATE OF d SKIP LOCKED`,
        now,
        config.cvMois,
        batch,
      );
      // the applications keep cvNom / cvTaille; documentId becomes null (ON DELETE SET NULL)
      if (docs.length > 0) await tx.document.deleteMany({ where: { id: { in: docs.map((d) => d.id) } } });
      return docs;
    }, TX);
    count += rows.length;
    keys.push(...rows.map((r) => r.storageKey));
    if (rows.length < batch) return { count, keys };
  }
}

/** Step 4: anonymises the applications answered `candidaturesMois` ago. */
export async function anonymizeAnsweredCandidatures(db: DbClient, now: Date, config: RetentionConfig, batch = DEFAULT_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: string; projetSnapshot: unknown }[]>(
        `SELECT "id", "projetSnapshot" FROM "Candidature"
         WHERE "status" <> 'A_TRAITER' AND "anonymizedAt" IS NULL
           AND "answeredAt" <= $1::timestamp(3) - make_interval(months => $2::int)
         ORDER BY "id" LIMIT $3::int
         FOR UPDATE SKIP LOCKED`,
        now,
        config.candidaturesMois,
        batch,
      );
      for (const c of rows) await tx.candidature.update({ where: { id: c.id }, data: anonymizedCandidatureData(c.projetSnapshot, now) });
      return rows.length;
    }, TX);
    total += n;
    if (n < batch) return total;
  }
}

/** Step 5: purges old audit rows and old delivered / abandoned e-mails. */
export async function purgeAuditAndOutbox(db: DbClient, now: Date, config: RetentionConfig): Promise<{ audits: number; emails: number }> {
  let audits = 0;
  for (;;) {
    const n = await db.$executeRawUnsafe(
      `DELETE FROM "AuditLog" WHERE "id" IN (
         SELECT "id" FROM "AuditLog" WHERE "createdAt" <= $1::timestamp(3) - make_interval(months => $2::int) LIMIT $3::int)`,
      now,
      config.auditMois,
      PURGE_BATCH,
    );
    audits += n;
    if (n < PURGE_BATCH) break;
  }
  let emails = 0;
  for (;;) {
    const n = await db.$executeRawUnsafe(
      `DELETE FROM "EmailOutbox" WHERE "id" IN (
         SELECT "id" FROM "EmailOutbox"
         WHERE "status" IN ('ENVOYE', 'ECHEC') AND COALESCE("sentAt", "updatedAt") <= $1::timestamp(3) - make_interval(days => $2::int)
         LIMIT $3::int)`,
      now,
      config.emailsJours,
      PURGE_BATCH,
    );
    emails += n;
    if (n < PURGE_BATCH) break;
  }
  return { audits, emails };
}

async function removeFiles(storage: FileStorage, keys: string[]): Promise<void> {
  for (const key of keys) {
    await storage.delete(key).catch((error) => console.error(`[rgpd-retention] suppression impossible du fichier ${key}`, error));
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}

/** One run under the JobRun lease; one audit row with the counts (no personal data). */
export async function runRgpdRetentionJob(db: DbClient, now: Date = new Date(), opts: RetentionOptions = {}): Promise<RetentionRun> {
  const zero: RetentionCounts = { avertissements: 0, comptesAnonymises: 0, cvSupprimes: 0, candidaturesAnonymisees: 0, auditsPurges: 0, emailsPurges: 0 };
  const token = await claimJob(db, RGPD_RETENTION_JOB, now, opts.lockMs);
  if (!token) return { ran: false, ...zero };
  const config = opts.config ?? retentionConfig();
  const storage = opts.storage ?? createStorage(serverEnv());
  const batch = opts.batchSize ?? DEFAULT_BATCH;
  try {
    // erase first: an account warned 30 days ago goes before anyone new is warned
    const erased = await eraseInactiveCandidates(db, now, config, batch);
    await removeFiles(storage, erased.keys);
    const avertissements = await warnInactiveCandidates(db, now, config, batch);
    const cvs = await deleteExpiredCvs(db, now, config, batch);
    await removeFiles(storage, cvs.keys);
    const candidaturesAnonymisees = await anonymizeAnsweredCandidatures(db, now, config, batch);
    const purged = await purgeAuditAndOutbox(db, now, config);
    const counts: RetentionCounts = {
      avertissements,
      comptesAnonymises: erased.count,
      cvSupprimes: cvs.count,
      candidaturesAnonymisees,
      auditsPurges: purged.audits,
      emailsPurges: purged.emails,
    };
    await db.auditLog.create({
      data: { actorId: null, action: 'rgpd.retention', entityType: 'JobRun', entityId: RGPD_RETENTION_JOB, after: { now: now.toISOString(), ...counts, config: { ...config } } },
    });
    await releaseJob(db, RGPD_RETENTION_JOB, token, now, null);
    return { ran: true, ...counts };
  } catch (error) {
    await releaseJob(db, RGPD_RETENTION_JOB, token, now, describeError(error)).catch((e) =>
      console.error('[rgpd-retention] impossible d’enregistrer l’erreur du job :', e),
    );
    throw error;
  }
}

/**
 * Runs the job now, then every `intervalMs` after the end of the previous run, in each app
 * instance (the lease keeps the others out). Errors are logged, never thrown; ≤ 0 disables it.
 */
export function startRgpdRetentionJob(db: DbClient, intervalMs: number = DEFAULT_RETENTION_INTERVAL_MS): () => Promise<void> {
  return startPeriodicJob('rgpd-retention', db, intervalMs, async () => {
    const run = await runRgpdRetentionJob(db, new Date());
    if (run.ran) console.info('[rgpd-retention]', JSON.stringify({ ...run, ran: undefined }));
    if (run.avertissements > 0 || run.comptesAnonymises > 0) void kickEmailWorker(db);
  }, 'erreur du job de conservation des données');
}
