/**
 * Resolves the database for a command-line script: DATABASE_URL when set, otherwise the embedded
 * PGlite database kept in .data/pglite (started for the duration of the script).
 */
import path from 'node:path';
import { startEmbeddedDatabase } from '@/lib/db-tools/embedded';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../.data');
export const EMBEDDED_DATA_DIR = path.join(DATA_DIR, 'pglite');
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_DB_PORT ?? 54329);

export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
  const embedded = await startEmbeddedDatabase({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}
