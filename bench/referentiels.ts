import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DbClient } from '@/lib/prisma-client';
import { findRomeFiles, importCurated, importDiplomes, importGeo, importNaf, importNiveaux, importRome } from '@/lib/referentiels/import';

/**
 * The referentials the generator draws from: the full official files when REFERENTIELS_DIR points
 * at them (rome/, diplomes/Kit_apprentissage_*.csv — CI sets it), the project's curated extract
 * otherwise (a fresh clone has no ../shared).
 */
export async function importReferentiels(db: DbClient, log: (l: string) => void): Promise<'complets' | 'extrait'> {
  const dir = process.env.REFERENTIELS_DIR;
  if (!dir) {
    await importCurated(db);
    log('référentiels : extrait du projet (REFERENTIELS_DIR non défini)');
    return 'extrait';
  }
  await importNiveaux(db);
  await importRome(db, await findRomeFiles(path.join(dir, 'rome')));
  const kit = (await readdir(path.join(dir, 'diplomes'))).filter((f) => /^Kit_apprentissage.*\.csv$/i.test(f)).sort().pop();
  if (!kit) throw new Error(`Fichier Kit_apprentissage_*.csv absent de ${path.join(dir, 'diplomes')}`);
  await importDiplomes(db, path.join(dir, 'diplomes', kit));
  await importGeo(db);
  await importNaf(db);
  log(`référentiels : fichiers complets de ${dir}`);
  return 'complets';
}
