/**
 * `npm start`: the production server. Refuses to start, with a clear message, when a required
 * production variable is missing; respects PORT.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { checkEnv } from '@/lib/env-schema';

for (const file of ['.env.production.local', '.env.local', '.env.production', '.env']) {
  if (existsSync(file)) process.loadEnvFile(file);
}

const problems = checkEnv(process.env, true);
if (problems.length > 0) {
  console.error('CMonAlternance ne peut pas démarrer : configuration de production incomplète.');
  for (const p of problems) console.error(`  - ${p}`);
  console.error('Voir .env.example pour la liste des variables et des exemples de valeurs.');
  process.exit(1);
}

const port = process.env.PORT ?? '3000';
const child = spawn('npx', ['next', 'start', '-p', port], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
