import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { ADMIN_CREATE_MESSAGES, createAdmin } from '@/lib/db-tools/admin-create';
import { PASSWORD_RULES } from '@/lib/validations/password';
import { createUser, uniqueEmail } from '@/tests/factories';
import { testDb } from '@/tests/helpers/db';

const db = testDb();
afterAll(() => db.$disconnect());

const PASSWORD = 'Equipe-Admin-2026';

async function hashOf(id: string) {
  return (await db.user.findUniqueOrThrow({ where: { id }, select: { passwordHash: true } })).passwordHash;
}

describe('createAdmin (npm run admin:create)', () => {
  it('crée un compte ADMIN avec le mot de passe haché et une ligne d’audit sans mot de passe', async () => {
    const email = uniqueEmail('admin-create');
    const outcome = await createAdmin(db, { email, password: PASSWORD, prenom: 'Alix', nom: 'Durand' });
    expect(outcome.kind).toBe('created');
    if (outcome.kind !== 'created') return;
    expect(outcome.message).toBe(ADMIN_CREATE_MESSAGES.created(email));
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: 'ADMIN', prenom: 'Alix', nom: 'Durand', active: true });
    const hash = await hashOf(user.id);
    expect(hash).not.toContain(PASSWORD);
    expect(await verifyPassword(hash, PASSWORD)).toBe(true);
    const audit = await db.auditLog.findMany({ where: { entityId: user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: null, action: 'admin.creation', entityType: 'User' });
    expect(JSON.stringify(audit[0])).not.toContain(PASSWORD);
  });

  it('normalise l’e-mail (espaces, majuscules)', async () => {
    const email = uniqueEmail('admin-casse');
    const outcome = await createAdmin(db, { email: `  ${email.toUpperCase()}  `, password: PASSWORD });
    expect(outcome).toMatchObject({ kind: 'created', email });
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it('refuse un mot de passe faible avec le message de la politique de mot de passe', async () => {
    const email = uniqueEmail('admin-faible');
    const outcome = await createAdmin(db, { email, password: 'court' });
    expect(outcome.kind).toBe('refused');
    expect(outcome.message).toMatch(/^Le mot de passe doit contenir /);
    expect(outcome.message).toContain(PASSWORD_RULES[0].label);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it('refuse une adresse e-mail invalide', async () => {
    const outcome = await createAdmin(db, { email: 'pas-un-email', password: PASSWORD });
    expect(outcome.kind).toBe('refused');
    expect(outcome.message).toContain('adresse e-mail valide');
  });

  for (const role of ['CANDIDAT', 'ACTEUR'] as const) {
    it(`refuse de transformer un compte ${role.toLowerCase()} en administrateur`, async () => {
      const user = await createUser(db, { role });
      const before = await hashOf(user.id);
      const outcome = await createAdmin(db, { email: user.email, password: PASSWORD, resetPassword: true });
      expect(outcome).toMatchObject({ kind: 'refused', exitCode: 1 });
      expect(outcome.message).toContain('ne peut pas devenir administrateur');
      const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(after.role).toBe(role);
      expect(await hashOf(user.id)).toBe(before);
    });
  }

  it('ne change rien pour un administrateur existant, sauf avec --reset-password', async () => {
    const email = uniqueEmail('admin-existant');
    const created = await createAdmin(db, { email, password: PASSWORD });
    if (created.kind !== 'created') throw new Error(created.message);
    const hash = await hashOf(created.userId);

    const again = await createAdmin(db, { email, password: 'Autre-Mot-de-passe-9' });
    expect(again).toMatchObject({ kind: 'already-admin', userId: created.userId });
    expect(again.message).toBe(ADMIN_CREATE_MESSAGES.alreadyAdmin(email));
    expect(await hashOf(created.userId)).toBe(hash);
    expect(await db.user.count({ where: { email } })).toBe(1);

    const reset = await createAdmin(db, { email, password: 'Autre-Mot-de-passe-9', resetPassword: true });
    expect(reset.kind).toBe('password-reset');
    expect(await verifyPassword(await hashOf(created.userId), 'Autre-Mot-de-passe-9')).toBe(true);
  });
});

describe('scripts/admin-create.ts (le vrai script)', () => {
  const run = promisify(execFile);
  const cwd = path.resolve(import.meta.dirname, '../..');
  const script = (args: string[], env: Record<string, string | undefined>) =>
    run('npx', ['tsx', 'scripts/admin-create.ts', ...args], { cwd, env: { ...process.env, ...env } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  it('crée l’administrateur (ADMIN_PASSWORD), puis refuse un candidat et signale une base manquante', async () => {
    const email = uniqueEmail('admin-script');
    const created = await script(['--email', email, '--prenom', 'Sacha', '--nom', 'Script'], { ADMIN_PASSWORD: PASSWORD });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`Compte administrateur créé pour ${email}`);
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ role: 'ADMIN', prenom: 'Sacha' });

    const again = await script(['--email', email], { ADMIN_PASSWORD: PASSWORD });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('existe déjà');

    const candidat = await createUser(db, { role: 'CANDIDAT' });
    const refused = await script(['--email', candidat.email], { ADMIN_PASSWORD: PASSWORD });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ne peut pas devenir administrateur');

    const noDb = await script(['--email', uniqueEmail('admin-sans-base')], { ADMIN_PASSWORD: PASSWORD, DATABASE_URL: '' });
    expect(noDb.code).toBe(1);
    expect(noDb.stderr).toContain('DATABASE_URL');
  }, 120_000);
});
