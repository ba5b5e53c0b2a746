/**
 * npm run admin:create -- --email <e-mail> [--prenom X --nom Y] [--reset-password]
 * Creates an admin account. The password comes from ADMIN_PASSWORD, or is asked twice on the terminal
 * (not echoed). Refuses to turn a candidate or acteur account into an admin.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { ADMIN_CREATE_MESSAGES, createAdmin, passwordPolicyError } from '@/lib/db-tools/admin-create';
import { createPrismaClient } from '@/lib/prisma-client';
import { PASSWORD_POLICY_TEXT } from '@/lib/validations/password';

const USAGE = 'Usage : npm run admin:create -- --email <e-mail> [--prenom <prénom>] [--nom <nom>] [--reset-password]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Asks a question on the terminal without echoing what is typed. */
function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) fail('Aucun terminal pour saisir le mot de passe : définissez la variable ADMIN_PASSWORD.');
  console.log(PASSWORD_POLICY_TEXT);
  const password = await askHidden('Mot de passe : ');
  const problem = passwordPolicyError(password);
  if (problem) fail(problem);
  const confirmation = await askHidden('Confirmation du mot de passe : ');
  if (confirmation !== password) fail('Les deux mots de passe ne sont pas identiques.');
  return password;
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        prenom: { type: 'string' },
        nom: { type: 'string' },
        'reset-password': { type: 'boolean', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
  if (!values.email) fail(`Indiquez l'adresse e-mail du compte administrateur.\n${USAGE}`);
  const url = process.env.DATABASE_URL;
  if (!url) fail("La variable DATABASE_URL n'est pas définie : indiquez la base de données de production (postgresql://…).");

  const db = createPrismaClient(url, { max: 1 });
  try {
    // the password is only needed for a new admin or a reset: check the account first
    const probe = await createAdmin(db, { email: values.email });
    const needsPassword =
      (probe.kind === 'refused' && probe.message === ADMIN_CREATE_MESSAGES.passwordMissing) || (probe.kind === 'already-admin' && values['reset-password']);
    if (!needsPassword) {
      if (probe.kind === 'refused') fail(probe.message);
      console.log(probe.message);
      return;
    }
    const password = await readPassword();
    const outcome = await createAdmin(db, {
      email: values.email,
      password,
      prenom: values.prenom,
      nom: values.nom,
      resetPassword: values['reset-password'],
    });
    if (outcome.kind === 'refused') fail(outcome.message);
    console.log(outcome.message);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`Échec de la création du compte administrateur : ${(error as Error).message}`);
  process.exit(1);
});
