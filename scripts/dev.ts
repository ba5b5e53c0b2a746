/**
 * `npm run dev`: the app on http://localhost:3000 with nothing installed.
 * Without DATABASE_URL it starts the embedded PostgreSQL (PGlite, data in .data/pglite), applies
 * pending migrations, seeds the demo data into an empty database, then starts `next dev`.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createPrismaClient } from '@/lib/prisma-client';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db-tools/embedded';
import { migrate } from '@/lib/db-tools/migrate';
import { seedDemo } from '@/prisma/seed';
import { EMBEDDED_DATA_DIR, EMBEDDED_PORT } from './lib/database';
import { ensureDevAuthSecret } from './lib/dev-secret';

if (existsSync('.env')) process.loadEnvFile('.env');

const t0 = Date.now();
let embedded: EmbeddedDatabase | undefined;
let url = process.env.DATABASE_URL;
if (!url) {
  embedded = await startEmbeddedDatabase({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
  url = embedded.url;
  console.log(`▶ base embarquée (PGlite) prête en ${Date.now() - t0} ms sur le port ${embedded.port}, données dans .data/pglite`);
} else {
  console.log('▶ base de données : DATABASE_URL');
}

const result = await migrate(url, { log: (l) => console.log(`  ${l}`) });
console.log(`▶ migrations : ${result.applied.length} appliquée(s), ${result.alreadyApplied} déjà en place`);

const db = createPrismaClient(url, { max: 2 });
if ((await db.user.count()) === 0) {
  console.log('▶ base vide : chargement des données de démonstration…');
  await seedDemo(db, (l) => console.log(`  ${l}`));
}
await db.$disconnect();

const port = process.env.PORT ?? '3000';
const child = spawn('npx', ['next', 'dev', '-p', port], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: url, AUTH_SECRET: ensureDevAuthSecret(), APP_URL: process.env.APP_URL ?? `http://localhost:${port}` },
});
console.log(`▶ prêt en ${Date.now() - t0} ms avant le démarrage de Next — http://localhost:${port}`);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  child.kill('SIGTERM');
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
child.on('exit', (code) => void stop(code ?? 0));
