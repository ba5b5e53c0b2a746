import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteMyCv, getMyCv, readMyCv, saveMyCv } from '@/lib/data/documents';
import { deleteMyAccount, exportMyData } from '@/lib/data/rgpd';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { LocalStorage, S3Storage, assertKey, createStorage, type FileStorage } from '@/lib/storage';
import { setStorageForTests } from '@/lib/storage/app-storage';
import { CV_MESSAGES } from '@/lib/uploads/cv';
import {
  DEMO_PASSWORD,
  createActeur,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
} from '@/tests/factories';
import { currentUserOf } from '@/tests/helpers/current-user';

/**
 * The private file storage: the local folder (default) and an S3-compatible bucket (S3_* set),
 * the latter against a real local S3 server (s3rver) through the official AWS SDK, then the CV
 * data layer (lib/data/documents.ts, lib/data/rgpd.ts) running on that bucket.
 */

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const KEY = 'cv/0b7e2c1a-3f4d-4e5f-8a9b-0c1d2e3f4a5b.pdf';
const BAD_KEYS = [
  '../x.pdf',
  '/etc/passwd',
  'cv/../../x.pdf',
  'cv/../x.pdf',
  '..',
  '',
  'cv/x.pdf/../../y.pdf',
  'cv\\..\\..\\x.pdf',
  'cv//x.pdf',
  'cv/.pdf',
  'cv/x.pdf\n',
  'cv/x y.pdf',
  'cv/sub/x.pdf',
  'CV/x.pdf',
  'cv/x',
  '%2e%2e/x.pdf',
];

/** The behaviour every storage shares, whatever its kind. */
async function roundTrip(storage: FileStorage) {
  expect(await storage.get(KEY)).toBeNull();
  await storage.put(KEY, pdf('un'), 'application/pdf');
  expect(await storage.get(KEY)).toEqual(pdf('un'));
  // a second put under the same key replaces the content
  await storage.put(KEY, pdf('deux'), 'application/pdf');
  expect(await storage.get(KEY)).toEqual(pdf('deux'));
  await storage.delete(KEY);
  expect(await storage.get(KEY)).toBeNull();
  // deleting what does not exist (any more) is not an error
  await expect(storage.delete(KEY)).resolves.toBeUndefined();
  await expect(storage.delete('cv/jamais-ecrit.pdf')).resolves.toBeUndefined();
  expect(await storage.get('cv/jamais-ecrit.pdf')).toBeNull();
}

async function refusesBadKeys(storage: FileStorage) {
  for (const key of BAD_KEYS) {
    expect(() => assertKey(key), JSON.stringify(key)).toThrow(/Clé de stockage invalide/);
    await expect(storage.put(key, pdf('x'), 'application/pdf'), JSON.stringify(key)).rejects.toThrow(/Clé de stockage invalide/);
    await expect(storage.get(key), JSON.stringify(key)).rejects.toThrow(/Clé de stockage invalide/);
    await expect(storage.delete(key), JSON.stringify(key)).rejects.toThrow(/Clé de stockage invalide/);
  }
  expect(assertKey(KEY)).toBe(KEY);
}

// ───────────────────────────── (a) local folder ─────────────────────────────

describe('LocalStorage (UPLOADS_DIR)', () => {
  let parent: string;
  let root: string;
  let storage: FileStorage;

  beforeAll(async () => {
    parent = await mkdtemp(path.join(os.tmpdir(), 'cma-stockage-'));
    root = path.join(parent, 'uploads');
    storage = new LocalStorage(root);
  });
  afterAll(() => rm(parent, { recursive: true, force: true }));

  it('puts, gets, replaces and deletes; a missing file is null, deleting it is fine', async () => {
    await roundTrip(storage);
  });

  it('refuses keys that are not generated ones (path traversal, absolute paths), and writes nothing outside its folder', async () => {
    await refusesBadKeys(storage);
    const written = await readdir(parent, { recursive: true });
    expect(written.filter((f) => !f.startsWith('uploads'))).toEqual([]);
    await expect(stat(path.join(parent, 'x.pdf'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('writes files readable by the app only (0600, folders 0700), under the key, with no temporary file left', async () => {
    await storage.put(KEY, pdf('privé'), 'application/pdf');
    const file = path.join(root, 'cv', path.basename(KEY));
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(path.join(root, 'cv'))).mode & 0o777).toBe(0o700);
    expect(await readdir(path.join(root, 'cv'))).toEqual([path.basename(KEY)]);
    await storage.delete(KEY);
    expect(await readdir(path.join(root, 'cv'))).toEqual([]);
  });

  it('is the default when S3_BUCKET is not set', () => {
    const chosen = createStorage({
      UPLOADS_DIR: root,
      S3_BUCKET: undefined,
      S3_REGION: 'eu-west-3',
      S3_ENDPOINT: undefined,
      S3_ACCESS_KEY_ID: undefined,
      S3_SECRET_ACCESS_KEY: undefined,
      S3_FORCE_PATH_STYLE: 'false',
      S3_PREFIX: '',
    });
    expect(chosen).toBeInstanceOf(LocalStorage);
    expect(chosen.kind).toBe('local');
  });
});

// ───────────────────────────── (b) S3-compatible bucket ─────────────────────────────

const BUCKET = 'cv-test';
const PREFIX = 'test/';
let server: S3rver;
let s3Dir: string;
let endpoint: string;
let s3: FileStorage;
let raw: S3Client;

function s3Env(bucket = BUCKET) {
  return {
    S3_BUCKET: bucket,
    S3_ENDPOINT: endpoint,
    S3_FORCE_PATH_STYLE: 'true' as const,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: 'S3RVER',
    S3_REGION: 'eu-west-3',
    S3_PREFIX: PREFIX,
    UPLOADS_DIR: 'unused',
  };
}

/** Every object key in the bucket (the storage's own prefix included). */
async function bucketKeys(): Promise<string[]> {
  const out = await raw.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (out.Contents ?? []).map((o) => o.Key!).sort();
}

async function bucketObject(key: string): Promise<Buffer | null> {
  try {
    const out = await raw.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return null;
    throw error;
  }
}

beforeAll(async () => {
  s3Dir = await mkdtemp(path.join(os.tmpdir(), 'cma-s3rver-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
  s3 = createStorage(s3Env());
  raw = new S3Client({
    region: 'eu-west-3',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
});

afterAll(async () => {
  setStorageForTests(undefined);
  raw?.destroy();
  await server?.close();
  await rm(s3Dir, { recursive: true, force: true });
});

describe('S3Storage (S3_BUCKET set) against a local S3-compatible server', () => {
  it('is chosen when S3_BUCKET is set', () => {
    expect(s3).toBeInstanceOf(S3Storage);
    expect(s3.kind).toBe('s3');
  });

  it('puts, gets, replaces and deletes; a missing object is null, deleting it is fine', async () => {
    await roundTrip(s3);
    expect(await bucketKeys()).toEqual([]);
  });

  it('stores the object under S3_PREFIX, private, as a PDF to download', async () => {
    await s3.put(KEY, pdf('bucket'), 'application/pdf');
    expect(await bucketKeys()).toEqual([`${PREFIX}${KEY}`]);
    expect(await bucketObject(`${PREFIX}${KEY}`)).toEqual(pdf('bucket'));
    const head = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${KEY}` }));
    expect(head.ContentType).toBe('application/pdf');
    expect(head.ContentDisposition).toBe('attachment');
    expect(head.ContentLength).toBe(pdf('bucket').length);
    // nothing is written at the bucket's root, outside the prefix
    expect(await bucketObject(KEY)).toBeNull();
    await s3.delete(KEY);
    expect(await bucketKeys()).toEqual([]);
  });

  it('refuses the same bad keys before any request', async () => {
    await refusesBadKeys(s3);
    expect(await bucketKeys()).toEqual([]);
  });

  it('reports a storage failure (unknown bucket) as an error, never as a missing file', async () => {
    const broken = createStorage(s3Env('seau-inexistant'));
    await expect(broken.get(KEY)).rejects.toThrow();
    await expect(broken.put(KEY, pdf('x'), 'application/pdf')).rejects.toThrow();
  });
});

// ───────────────────────────── (c) the CV data layer on S3 ─────────────────────────────

describe('« Mon CV » and « Mes données » on the S3 bucket', () => {
  beforeAll(() => setStorageForTests(s3));
  afterAll(() => setStorageForTests(undefined));

  async function candidateWithApplication() {
    const candidat = await createUser(db, { role: 'CANDIDAT', prenom: 'Salomé', nom: 'Seau' });
    const structure = await createStructure(db, { raisonSociale: 'CFA du Stockage' });
    const referent = await createActeur(db, structure.id, 'GESTIONNAIRE');
    const employeur = await createEmployeur(db);
    await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
    const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: referent.id });
    const projet = await createProjet(db, { candidatId: candidat.id });
    return { user: await currentUserOf(db, candidat.id), offre, projet };
  }

  it('stores the CV in the bucket, reads it back; a replaced CV stays while an application holds it', async () => {
    const { user, offre, projet } = await candidateWithApplication();
    const before = await bucketKeys();

    // 1. first CV: in the bucket, under the prefix and a generated key
    const first = await saveMyCv(user, { filename: '../../CV Salomé.pdf', bytes: pdf('premier') });
    expect(first.filename).toBe('CV Salomé.pdf');
    const firstDoc = await db.document.findUniqueOrThrow({ where: { id: first.id } });
    expect(firstDoc.storageKey).toMatch(/^cv\/[0-9a-f-]{36}\.pdf$/);
    expect(await bucketKeys()).toEqual([...before, `${PREFIX}${firstDoc.storageKey}`].sort());
    expect(await bucketObject(`${PREFIX}${firstDoc.storageKey}`)).toEqual(pdf('premier'));
    expect(await readMyCv(user)).toEqual({ filename: 'CV Salomé.pdf', bytes: pdf('premier') });

    // 2. it is attached to an application, then replaced: the structure keeps the CV it received
    const candidature = await createCandidature(db, { offreId: offre.id, candidatId: user.id, projetId: projet.id });
    await db.candidature.update({ where: { id: candidature.id }, data: { documentId: first.id, cvNom: first.filename, cvTaille: first.size } });
    const second = await saveMyCv(user, { filename: 'CV 2.pdf', bytes: pdf('deuxième') });
    const retired = await db.document.findUniqueOrThrow({ where: { id: first.id } });
    expect(retired.deletedAt).not.toBeNull();
    expect(await bucketObject(`${PREFIX}${firstDoc.storageKey}`)).toEqual(pdf('premier'));
    expect((await getMyCv(user))?.id).toBe(second.id);
    expect(await readMyCv(user)).toEqual({ filename: 'CV 2.pdf', bytes: pdf('deuxième') });

    // 3. the second one, attached to nothing, is replaced: row and object both gone
    const secondDoc = await db.document.findUniqueOrThrow({ where: { id: second.id } });
    const third = await saveMyCv(user, { filename: 'CV 3.pdf', bytes: pdf('troisième') });
    expect(await db.document.findUnique({ where: { id: second.id } })).toBeNull();
    expect(await bucketObject(`${PREFIX}${secondDoc.storageKey}`)).toBeNull();
    const thirdDoc = await db.document.findUniqueOrThrow({ where: { id: third.id } });
    expect(await bucketObject(`${PREFIX}${thirdDoc.storageKey}`)).toEqual(pdf('troisième'));

    // 4. a file that is not a PDF: refused, nothing written to the bucket
    const keysBefore = await bucketKeys();
    await expect(saveMyCv(user, { filename: 'CV.pdf', bytes: Buffer.from('<html><body>%PDF-1.4 %%EOF</body></html>') })).rejects.toThrow(
      CV_MESSAGES.pasPdf,
    );
    expect(await bucketKeys()).toEqual(keysBefore);

    // 5. « Télécharger mes données »: both files, read from the bucket
    const exported = await exportMyData(user);
    const byName = Object.fromEntries(exported.documents.map((d) => [d.filename, d]));
    expect(Buffer.from(byName['CV Salomé.pdf']!.contenuBase64!, 'base64')).toEqual(pdf('premier'));
    expect(byName['CV Salomé.pdf']!.deletedAt).not.toBeNull();
    expect(Buffer.from(byName['CV 3.pdf']!.contenuBase64!, 'base64')).toEqual(pdf('troisième'));
    expect(JSON.stringify(exported)).not.toContain(thirdDoc.storageKey);

    // 6. « Supprimer mon CV »: the current one (attached to nothing) leaves the bucket
    await deleteMyCv(user);
    expect(await bucketObject(`${PREFIX}${thirdDoc.storageKey}`)).toBeNull();
    expect(await readMyCv(user)).toBeNull();
    await expect(deleteMyCv(user)).rejects.toThrow(CV_MESSAGES.introuvable);
    expect(await bucketObject(`${PREFIX}${firstDoc.storageKey}`)).toEqual(pdf('premier'));

    // 7. account deletion: every object of the candidate leaves the bucket
    const last = await saveMyCv(user, { filename: 'CV final.pdf', bytes: pdf('final') });
    const lastDoc = await db.document.findUniqueOrThrow({ where: { id: last.id } });
    await deleteMyAccount(user, DEMO_PASSWORD);
    expect(await bucketObject(`${PREFIX}${firstDoc.storageKey}`)).toBeNull();
    expect(await bucketObject(`${PREFIX}${lastDoc.storageKey}`)).toBeNull();
    expect(await bucketKeys()).toEqual(before);
    expect(await db.document.count({ where: { ownerId: user.id } })).toBe(0);
  });

  it('removes the object it just wrote when the database refuses the CV (nothing half-done)', async () => {
    const ghost = await currentUserOf(db, (await createUser(db, { role: 'CANDIDAT' })).id);
    await db.user.delete({ where: { id: ghost.id } }); // the Document insert now fails (foreign key)
    const before = await bucketKeys();
    await expect(saveMyCv(ghost, { filename: 'CV.pdf', bytes: pdf('orphelin') })).rejects.toThrow();
    expect(await bucketKeys()).toEqual(before);
  });

  it('refuses a CV from someone who is not a candidate, before touching the bucket', async () => {
    const structure = await createStructure(db);
    const acteur = await currentUserOf(db, (await createActeur(db, structure.id, 'UTILISATEUR')).id);
    const before = await bucketKeys();
    await expect(saveMyCv(acteur, { filename: 'CV.pdf', bytes: pdf('acteur') })).rejects.toBeInstanceOf(UserFacingError);
    expect(await bucketKeys()).toEqual(before);
  });
});
