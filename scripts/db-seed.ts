import { createPrismaClient } from '@/lib/prisma-client';
import { seedDemo } from '@/prisma/seed';
import { withDatabase } from './lib/database';

await withDatabase(async (url) => {
  const db = createPrismaClient(url, { max: 2 });
  try {
    await seedDemo(db, (l) => console.log(l));
  } finally {
    await db.$disconnect();
  }
});
