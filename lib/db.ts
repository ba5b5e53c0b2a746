import { createPrismaClient, type DbClient } from '@/lib/prisma-client';
import { serverEnv } from '@/lib/env';

const globalForDb = globalThis as unknown as { __db?: DbClient };

/** `next build` imports server modules without a database; the pool only connects on first query. */
const connectionString =
  process.env.NEXT_PHASE === 'phase-production-build' && !process.env.DATABASE_URL
    ? 'postgresql://build@127.0.0.1:1/aucune-base-pendant-le-build'
    : serverEnv().DATABASE_URL;

/** The application's single PrismaClient (kept across hot reloads in dev). */
export const db: DbClient = globalForDb.__db ?? createPrismaClient(connectionString);
if (process.env.NODE_ENV !== 'production') globalForDb.__db = db;
