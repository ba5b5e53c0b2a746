import { createPrismaClient, type DbClient } from '@/lib/prisma-client';
import { serverEnv } from '@/lib/env';

const globalForDb = globalThis as unknown as { __db?: DbClient };

/** The application's single PrismaClient (kept across hot reloads in dev). */
export const db: DbClient = globalForDb.__db ?? createPrismaClient(serverEnv().DATABASE_URL);
if (process.env.NODE_ENV !== 'production') globalForDb.__db = db;
