import { z } from 'zod';

/**
 * Every environment variable of the app. `.env.example` lists them with working local values.
 * In production the ones marked "required in production" must be set, or the app refuses to start.
 */
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL est obligatoire (URL PostgreSQL)'),
  AUTH_SECRET: optionalString,
  APP_URL: optionalUrl,
  RESEND_API_KEY: optionalString,
  RESEND_BASE_URL: optionalUrl,
  EMAIL_FROM: z.string().default('CMonAlternance <ne-pas-repondre@cmonalternance-na.fr>'),
  EMAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(0).default(5000),
  /** Timeout of one call to Resend: a hung request is abandoned and retried later with the same Idempotency-Key. */
  EMAIL_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  OFFRES_ARCHIVE_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** Retention job (RGPD, lib/jobs/rgpd-retention.ts): once a day by default; 0 disables it. Periods: RETENTION_* (lib/retention-config.ts). */
  RGPD_RETENTION_INTERVAL_MS: z.coerce.number().int().min(0).default(86_400_000),
  RECHERCHE_ENTREPRISES_URL: z.string().url().default('https://recherche-entreprises.api.gouv.fr'),
  /** CVs and other private files: this folder unless S3_BUCKET is set. */
  UPLOADS_DIR: z.string().default('.data/uploads'),
  /** An S3-compatible bucket (AWS, Scaleway, OVH, MinIO…) for the private files; all optional. */
  S3_BUCKET: optionalString,
  S3_REGION: z.string().default('eu-west-3'),
  S3_ENDPOINT: optionalUrl,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  /** 'true' for MinIO-like servers that want path-style URLs (http://host/bucket/key). */
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  S3_PREFIX: z.string().default(''),
});

export type ServerEnv = z.infer<typeof envSchema>;

export const REQUIRED_IN_PRODUCTION = ['DATABASE_URL', 'AUTH_SECRET', 'APP_URL', 'RESEND_API_KEY', 'EMAIL_FROM'] as const;

/** Returns the list of French problems; empty when the environment is usable. */
export function checkEnv(source: NodeJS.ProcessEnv, production: boolean): string[] {
  const problems: string[] = [];
  if (production) {
    for (const name of REQUIRED_IN_PRODUCTION) {
      if (!source[name]) problems.push(`${name} est obligatoire en production.`);
    }
    if (source.AUTH_SECRET && source.AUTH_SECRET.length < 32) {
      problems.push('AUTH_SECRET doit faire au moins 32 caractères (générez-le avec « openssl rand -base64 33 »).');
    }
  }
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const line = `${issue.path.join('.')} : ${issue.message}`;
      if (!problems.some((p) => p.startsWith(String(issue.path[0])))) problems.push(line);
    }
  }
  return problems;
}
