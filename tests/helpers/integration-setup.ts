import { assertLocalDatabase } from '@/lib/db-tools/local-guard';

const url = process.env.DATABASE_URL;
if (!url) {
  throw new Error('Les tests d\'intégration demandent DATABASE_URL (lancez-les par « npm test », qui prépare la base).');
}
assertLocalDatabase(url, 'La suite de tests');

/** Third-party services are local fakes in tests: the structure tests start this one on that port. */
export const FAKE_ENTREPRISES_TEST_PORT = 4099;
process.env.RECHERCHE_ENTREPRISES_URL = `http://127.0.0.1:${FAKE_ENTREPRISES_TEST_PORT}`;
