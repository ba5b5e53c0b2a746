/**
 * npm run db:restore -- --in <file> [--database-url <url>] [--force]
 * Restores a db:backup file. Refuses a database that already has tables, unless --force (they are then replaced).
 */
import { parseArgs } from 'node:util';
import { BackupError, restoreDatabase } from '@/lib/db-tools/backup';

const USAGE = 'Usage : npm run db:restore -- --in <fichier> [--database-url <url>] [--force]';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values: { in?: string; 'database-url'?: string; force?: boolean };
try {
  ({ values } = parseArgs({ options: { in: { type: 'string' }, 'database-url': { type: 'string' }, force: { type: 'boolean' } } }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
const url = values['database-url'] ?? process.env.DATABASE_URL;
if (!values.in) fail(`Indiquez le fichier de sauvegarde à restaurer (--in).\n${USAGE}`);
if (!url) fail(`DATABASE_URL (ou --database-url) est requis : la base où restaurer.\n${USAGE}`);
try {
  await restoreDatabase(url, values.in, { force: values.force });
  console.log(`Sauvegarde ${values.in} restaurée.`);
} catch (error) {
  fail(error instanceof BackupError ? error.message : `Échec de la restauration : ${(error as Error).message}`);
}
