/** `npm run db:reset`: empties the (local) database, re-applies every migration and seeds the demo data. */
import pg from 'pg';
import { assertLocalDatabase } from '@/lib/db-tools/local-guard';
import { migrate } from '@/lib/db-tools/migrate';
import { createPrismaClient } from '@/lib/prisma-client';
import { seedDemo } from '@/prisma/seed';
import { withDatabase } from './lib/database';

await withDatabase(async (url) => {
  assertLocalDatabase(url, 'db:reset');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await client.end();
  await migrate(url, { log: (l) => console.log(l) });
  const db = createPrismaClient(url, { max: 2 });
  await seedDemo(db, (l) => console.log(l));
  await db.$disconnect();
});
