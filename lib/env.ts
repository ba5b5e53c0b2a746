import { checkEnv, envSchema, type ServerEnv } from '@/lib/env-schema';

let cached: ServerEnv | undefined;

/** The validated server environment, parsed once (at first use, so `next build` needs none of it). */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const problems = checkEnv(process.env, process.env.NODE_ENV === 'production' && process.env.NEXT_PHASE !== 'phase-production-build');
  if (problems.length > 0) {
    throw new Error(`Configuration invalide :\n- ${problems.join('\n- ')}`);
  }
  cached = envSchema.parse(process.env);
  return cached;
}

/** Absolute base URL used in e-mails. */
export function appUrl(): string {
  return (serverEnv().APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}
