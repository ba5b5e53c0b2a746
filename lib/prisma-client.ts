import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/** One configuration for every PrismaClient of the project: secrets are omitted globally. */
export function createPrismaClient(connectionString: string, opts: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: opts.max ?? 10 });
  return new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true },
      passwordResetToken: { tokenHash: true },
      invitation: { tokenHash: true },
    },
  });
}

export type DbClient = ReturnType<typeof createPrismaClient>;
