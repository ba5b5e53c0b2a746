import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEnv } from '@/lib/env-schema';

const complete = {
  DATABASE_URL: 'postgresql://localhost/x',
  AUTH_SECRET: 'x'.repeat(40),
  APP_URL: 'https://cmonalternance-na.fr',
  RESEND_API_KEY: 're_123',
  EMAIL_FROM: 'CMonAlternance <ne-pas-repondre@cmonalternance-na.fr>',
} as unknown as NodeJS.ProcessEnv;

describe('checkEnv', () => {
  it('accepts a complete production environment', () => {
    expect(checkEnv(complete, true)).toEqual([]);
  });

  it('names each missing production variable in French', () => {
    const { AUTH_SECRET: _a, RESEND_API_KEY: _r, ...partial } = complete;
    expect(checkEnv(partial, true)).toEqual(['AUTH_SECRET est obligatoire en production.', 'RESEND_API_KEY est obligatoire en production.']);
  });

  it('refuses a short AUTH_SECRET in production', () => {
    expect(checkEnv({ ...complete, AUTH_SECRET: 'court' }, true)[0]).toContain('au moins 32 caractères');
  });

  it('asks only for the database in development', () => {
    expect(checkEnv({ DATABASE_URL: 'postgresql://localhost/x' } as unknown as NodeJS.ProcessEnv, false)).toEqual([]);
    expect(checkEnv({} as NodeJS.ProcessEnv, false)[0]).toMatch(/^DATABASE_URL/);
  });
});

describe('npm start', () => {
  it('refuses to start with a clear message when a production variable is missing', { timeout: 40_000 }, () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/start.ts'], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: 'postgresql://localhost/x', PORT: '0' } as unknown as NodeJS.ProcessEnv,
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('CMonAlternance ne peut pas démarrer');
    expect(result.stderr).toContain('AUTH_SECRET est obligatoire en production.');
  });
});
