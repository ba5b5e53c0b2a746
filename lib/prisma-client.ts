import { appendFileSync } from 'node:fs';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * One configuration for every PrismaClient of the project: secrets are omitted globally.
 *
 * QUERY_LOG_FILE (benchmarks and the query-count test only, never in production): every SQL
 * statement is appended to that file as a JSON line { at, query, params, duration } — how the
 * benchmark finds each page's SQL to EXPLAIN and how the tests count a page's queries.
 */
export function createPrismaClient(connectionString: string, opts: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: opts.max ?? 10 });
  const options = {
    adapter,
    omit: {
      user: { passwordHash: true },
      passwordResetToken: { tokenHash: true },
      invitation: { tokenHash: true },
    },
  };
  const logFile = process.env.QUERY_LOG_FILE;
  // added untyped so that the client's type (DbClient) stays the same with or without the log
  if (logFile) Object.assign(options, { log: [{ emit: 'event', level: 'query' }] });
  const client = new PrismaClient(options);
  if (logFile) {
    const on = (client as unknown as { $on: (event: 'query', cb: (e: { query: string; params: string; duration: number }) => void) => void }).$on;
    on.call(client, 'query', (e) => {
      appendFileSync(logFile, `${JSON.stringify({ at: Date.now(), query: e.query, params: e.params, duration: e.duration })}\n`);
    });
  }
  return client;
}

export type DbClient = ReturnType<typeof createPrismaClient>;
