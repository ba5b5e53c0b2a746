import { z } from 'zod';

/**
 * Retention periods (RGPD), read from the environment with the defaults of issue 9. One source for
 * the background job (lib/jobs/rgpd-retention.ts) and for the « Politique RGPD » page, so that what
 * the page promises is what the job enforces. No 'server-only': scripts and tests import it.
 */
const months = (fallback: number) => z.coerce.number().int().min(1).max(240).default(fallback);
const days = (fallback: number) => z.coerce.number().int().min(1).max(3650).default(fallback);

const retentionSchema = z.object({
  /** A candidate account without sign-in nor activity for this long is warned by e-mail… */
  RETENTION_INACTIVITE_MOIS: months(24),
  /** …then anonymised (deleted) if still inactive this many days after the warning. */
  RETENTION_AVERTISSEMENT_JOURS: days(30),
  /** CVs are deleted this long after the candidate's last application. */
  RETENTION_CV_MOIS: months(12),
  /** Answered applications are anonymised this long after the answer. */
  RETENTION_CANDIDATURES_MOIS: months(24),
  /** Audit rows (connections, actions, CV downloads) are deleted after this long. */
  RETENTION_AUDIT_MOIS: months(12),
  /** Sent (or abandoned) e-mails are deleted from the outbox after this many days. */
  RETENTION_EMAILS_JOURS: days(90),
});

export interface RetentionConfig {
  inactiviteMois: number;
  avertissementJours: number;
  cvMois: number;
  candidaturesMois: number;
  auditMois: number;
  emailsJours: number;
}

const empty = (v: unknown) => (v === '' ? undefined : v);

/** Throws a French message naming the variable when a value is not a whole number in range. */
export function retentionConfig(source: Record<string, string | undefined> = process.env): RetentionConfig {
  const picked = Object.fromEntries(Object.keys(retentionSchema.shape).map((k) => [k, empty(source[k])]));
  const parsed = retentionSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join('.')} : durée de conservation invalide (nombre entier attendu) — ${issue.message}`);
  }
  const e = parsed.data;
  return {
    inactiviteMois: e.RETENTION_INACTIVITE_MOIS,
    avertissementJours: e.RETENTION_AVERTISSEMENT_JOURS,
    cvMois: e.RETENTION_CV_MOIS,
    candidaturesMois: e.RETENTION_CANDIDATURES_MOIS,
    auditMois: e.RETENTION_AUDIT_MOIS,
    emailsJours: e.RETENTION_EMAILS_JOURS,
  };
}

/** « 24 mois », « 1 an »… as the page writes a period in months. */
export function dureeMois(n: number): string {
  if (n % 12 === 0) return n === 12 ? '1 an' : `${n / 12} ans`;
  return `${n} mois`;
}

/** « 30 jours », « 1 jour ». */
export function dureeJours(n: number): string {
  return n === 1 ? '1 jour' : `${n} jours`;
}
