import { createPrismaClient } from '@/lib/prisma-client';

/** A PrismaClient on the test database (the same configuration as the app's). */
export function testDb() {
  return createPrismaClient(process.env.DATABASE_URL!, { max: 4 });
}
