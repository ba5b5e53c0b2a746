/**
 * Imports the public referentials from files in their official formats.
 *
 *   npm run referentiels:import -- --rome <dossier> --diplomes <fichier.csv>
 *
 * --rome      folder holding unix_referentiel_code_rome_vNNN_utf8.csv and
 *             unix_referentiel_appellation_vNNN_utf8.csv (France Travail RefRomeCsv.zip)
 * --diplomes  « Kit apprentissage » CSV (France compétences)
 * Both are optional; levels, geography (Nouvelle-Aquitaine) and NAF are always imported.
 */
import { access } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createPrismaClient } from '@/lib/prisma-client';
import {
  findRomeFiles,
  importDiplomes,
  importGeo,
  importNaf,
  importNiveaux,
  importRome,
  type UpsertStats,
} from '@/lib/referentiels/import';
import { withDatabase } from './lib/database';

const USAGE = `Usage : npm run referentiels:import -- [--rome <dossier>] [--diplomes <fichier.csv>]

  --rome <dossier>        dossier contenant unix_referentiel_code_rome_vNNN_utf8.csv
                          et unix_referentiel_appellation_vNNN_utf8.csv (export ROME de France Travail)
  --diplomes <fichier>    fichier CSV « Kit apprentissage » (France compétences)

Les niveaux, la géographie (Nouvelle-Aquitaine) et les codes NAF sont toujours importés.`;

const nf = new Intl.NumberFormat('fr-FR');

function ligne(libelle: string, s: UpsertStats): string {
  return `  ${libelle.padEnd(26)} ${nf.format(s.total).padStart(7)}  (${nf.format(s.inserted)} créé(s), ${nf.format(s.updated)} mis à jour, ${nf.format(s.unchanged)} inchangé(s))`;
}

function secondes(debut: number): string {
  return `${((performance.now() - debut) / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} s`;
}

let args;
try {
  args = parseArgs({
    options: {
      rome: { type: 'string' },
      diplomes: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const romeDir = args.rome ? path.resolve(args.rome) : undefined;
const diplomesCsv = args.diplomes ? path.resolve(args.diplomes) : undefined;

try {
  // Check the files before touching the database.
  const romeFiles = romeDir ? await findRomeFiles(romeDir) : undefined;
  if (diplomesCsv) {
    await access(diplomesCsv).catch(() => {
      throw new Error(`Fichier introuvable : ${diplomesCsv}`);
    });
  }

  await withDatabase(async (url) => {
    const db = createPrismaClient(url, { max: 2 });
    const debutTotal = performance.now();
    try {
      console.log('Import des référentiels');

      let t = performance.now();
      const niveaux = await importNiveaux(db);
      console.log(ligne('Niveaux', niveaux), secondes(t));

      if (romeFiles) {
        t = performance.now();
        const rome = await importRome(db, romeFiles);
        console.log(`ROME v${rome.version} (${path.basename(romeFiles.codesCsv)}, ${path.basename(romeFiles.appellationsCsv)})`);
        console.log(ligne('Codes ROME', rome.codes));
        console.log(ligne('Appellations', rome.appellations), secondes(t));
        if (rome.appellationsIgnorees > 0) {
          console.log(`  ${nf.format(rome.appellationsIgnorees)} appellation(s) ignorée(s) (code ROME inconnu ou ligne incomplète)`);
        }
      }

      if (diplomesCsv) {
        t = performance.now();
        const diplomes = await importDiplomes(db, diplomesCsv);
        console.log(`Diplômes (${path.basename(diplomesCsv)})`);
        console.log(ligne('Certifications', diplomes.certifications), secondes(t));
        if (diplomes.lignesIgnorees > 0) console.log(`  ${nf.format(diplomes.lignesIgnorees)} ligne(s) ignorée(s)`);
        if (diplomes.doublons > 0) console.log(`  ${nf.format(diplomes.doublons)} doublon(s) (CFD, RNCP) fusionné(s)`);
      }

      t = performance.now();
      const geo = await importGeo(db);
      console.log('Géographie (Nouvelle-Aquitaine)');
      console.log(ligne('Départements', geo.departements));
      console.log(ligne('Communes', geo.communes), secondes(t));

      t = performance.now();
      const naf = await importNaf(db);
      console.log('NAF rév. 2');
      console.log(ligne('Sections', naf.sections));
      console.log(ligne('Sous-classes', naf.codes), secondes(t));

      console.log(`Import terminé en ${secondes(debutTotal)}.`);
    } finally {
      await db.$disconnect();
    }
  });
} catch (error) {
  console.error(`Échec de l'import : ${(error as Error).message}`);
  process.exit(1);
}
