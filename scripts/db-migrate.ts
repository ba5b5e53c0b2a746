import { migrate } from '@/lib/db-tools/migrate';
import { withDatabase } from './lib/database';

await withDatabase(async (url) => {
  const result = await migrate(url, { log: (l) => console.log(l) });
  console.log(`${result.applied.length} migration(s) appliquée(s), ${result.alreadyApplied} déjà en place.`);
});
