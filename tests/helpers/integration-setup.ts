import { assertLocalDatabase } from '@/lib/db-tools/local-guard';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('Les tests d\'intégration demandent DATABASE_URL (lancez-les par « npm test », qui prépare la base).');
}
assertLocalDatabase(url, 'La suite de tests');
