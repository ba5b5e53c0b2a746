import 'server-only';
import { db } from '@/lib/db';
import { CONTACTS_PAR_JOUR } from '@/lib/validations/profils-contact';

/**
 * Database-backed fixed-window counters: every app instance shares them, so a limit holds
 * however many instances run. One atomic upsert per hit.
 */
export interface RateLimitRule {
  /** e.g. 'signin:email' */
  name: string;
  max: number;
  windowSeconds: number;
}

/** Per-IP limits can be raised where many users share one address (tests: every browser is 127.0.0.1). */
const perIp = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export const RATE_LIMITS = {
  signInEmail: { name: 'signin:email', max: 10, windowSeconds: 15 * 60 },
  signInIp: { name: 'signin:ip', max: perIp('RATE_LIMIT_SIGNIN_PER_IP', 30), windowSeconds: 15 * 60 },
  signUpIp: { name: 'signup:ip', max: perIp('RATE_LIMIT_SIGNUP_PER_IP', 10), windowSeconds: 60 * 60 },
  passwordResetEmail: { name: 'reset:email', max: 3, windowSeconds: 60 * 60 },
  passwordResetIp: { name: 'reset:ip', max: 20, windowSeconds: 60 * 60 },
  cvUpload: { name: 'cv:user', max: 30, windowSeconds: 60 * 60 },
  /** wrong passwords on « Supprimer mon compte » (a stolen session must not guess the password there) */
  accountDeletion: { name: 'suppression:user', max: 5, windowSeconds: 15 * 60 },
  /** « CONTACTER CE PROFIL »: messages from one member of staff to candidates */
  contactProfil: { name: 'contact:user', max: CONTACTS_PAR_JOUR, windowSeconds: 24 * 60 * 60 },
} satisfies Record<string, RateLimitRule>;

function keyOf(rule: RateLimitRule, subject: string) {
  return `${rule.name}:${subject.toLowerCase()}`;
}

/** Counts one hit; returns the count in the current window. */
export async function hit(rule: RateLimitRule, subject: string, now = new Date()): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart") VALUES (${keyOf(rule, subject)}, 1, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${now}::timestamp - make_interval(secs => ${rule.windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${now}::timestamp - make_interval(secs => ${rule.windowSeconds})
                     THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count"`;
  return rows[0]?.count ?? 1;
}

/** True when the subject already used up its window (does not count a hit). */
export async function isLimited(rule: RateLimitRule, subject: string, now = new Date()): Promise<boolean> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT "count" FROM "RateLimit"
    WHERE "key" = ${keyOf(rule, subject)}
      AND "windowStart" > ${now}::timestamp - make_interval(secs => ${rule.windowSeconds})`;
  return (rows[0]?.count ?? 0) >= rule.max;
}

/** Counts a hit and tells whether it went over the limit. */
export async function consume(rule: RateLimitRule, subject: string, now = new Date()): Promise<boolean> {
  return (await hit(rule, subject, now)) > rule.max;
}

export async function reset(rule: RateLimitRule, subject: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: keyOf(rule, subject) } });
}

export const RATE_LIMIT_MESSAGE =
  'Trop de tentatives. Par sécurité, patientez 15 minutes avant de réessayer ou réinitialisez votre mot de passe.';
