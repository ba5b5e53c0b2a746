/**
 * npm run db:backup -- --out <file> [--database-url <url>]
 * Writes the whole database (schema and rows) to one file, pg_dump's custom format.
 */
import { parseArgs } from 'node:util';
import { BackupError, backupDatabase } from '@/lib/db-tools/backup';

const USAGE = 'Usage : npm run db:backup -- --out <fichier> [--database-url <url>]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: { out?: string; 'database-url'?: string };
try {
  ({ values } = parseArgs({ options: { out: { type: 'string' }, 'database-url': { type: 'string' } } }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const url = values['database-url'] ?? process.env.DATABASE_URL;
if (!values.out) fail(`Indiquez le fichier à écrire (--out).\n${USAGE}`);
if (!url) {
  fail(
    'DATABASE_URL (ou --database-url) est requis. La base embarquée de `npm run dev` (PGlite) se sauvegarde en copiant le dossier .data/pglite, serveur arrêté.',
  );
}
try {
  await backupDatabase(url, values.out);
  console.log(`Sauvegarde écrite dans ${values.out}`);
} catch (error) {
  fail(error instanceof BackupError ? error.message : `Échec de la sauvegarde : ${(error as Error).message}`);
}
