import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteMyCv, getMyCv, readCandidatureCv, readMyCv, saveMyCv } from '@/lib/data/documents';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { LocalStorage } from '@/lib/storage';
import { setStorageForTests } from '@/lib/storage/app-storage';
import { CV_MAX_BYTES, CV_MESSAGES } from '@/lib/uploads/cv';
import { createActeur, createCandidature, createEmployeur, createOffre, createProjet, createStructure, createUser, linkEmployeur } from '@/tests/factories';
import { currentUserOf } from '@/tests/helpers/current-user';

/**
 * « Mon CV » in the data layer, on a real local folder: what is refused leaves nothing behind,
 * the CV sent with an application stays what the structure received, and only the candidate and
 * the offer's structure can read it (each staff read audited).
 */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'cma-cv-'));
  setStorageForTests(new LocalStorage(dir));
});
afterAll(async () => {
  setStorageForTests(undefined);
  await rm(dir, { recursive: true, force: true });
});

function pdf(text: string) {
  return Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
}

async function storedFiles(): Promise<string[]> {
  try {
    return await readdir(path.join(dir, 'cv'));
  } catch {
    return [];
  }
}

async function candidat() {
  const u = await createUser(db, { role: 'CANDIDAT' });
  return currentUserOf(db, u.id);
}

async function offreWithStaff() {
  const structure = await createStructure(db, {});
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE');
  const employeur = await createEmployeur(db, {});
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offre = await createOffre(db, { structureId: structure.id, employeurId: employeur.id, referentId: gestionnaire.id });
  return { structure, gestionnaire: await currentUserOf(db, gestionnaire.id), offre };
}

describe('saveMyCv', () => {
  it('refuses what is not a PDF by its content, an empty file and an oversized one: no row, no file', async () => {
    const user = await candidat();
    const before = (await storedFiles()).length;
    const cases: [Buffer, string][] = [
      [Buffer.from('<html><script>alert(1)</script></html>'), CV_MESSAGES.pasPdf],
      [Buffer.from('<html>%PDF-1.4 …%%EOF'), CV_MESSAGES.pasPdf],
      [Buffer.alloc(0), CV_MESSAGES.vide],
      [Buffer.concat([pdf('gros'), Buffer.alloc(CV_MAX_BYTES)]), CV_MESSAGES.tropGros],
    ];
    for (const [bytes, message] of cases) {
      await expect(saveMyCv(user, { filename: 'cv.pdf', bytes })).rejects.toThrow(message);
    }
    expect(await db.document.count({ where: { ownerId: user.id } })).toBe(0);
    expect((await storedFiles()).length).toBe(before);
  });

  it('stores under a generated key with a cleaned name; replacing an unattached CV removes the old file', async () => {
    const user = await candidat();
    const first = await saveMyCv(user, { filename: '../../etc/Mon CV.pdf', bytes: pdf('un') });
    expect(first.filename).toBe('Mon CV.pdf');
    const row = await db.document.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.storageKey).toMatch(/^cv\/[0-9a-f-]{36}\.pdf$/);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await storedFiles()).toContain(row.storageKey.slice(3));

    const second = await saveMyCv(user, { filename: 'nouveau.pdf', bytes: pdf('deux') });
    expect((await getMyCv(user))?.id).toBe(second.id);
    expect(await db.document.findUnique({ where: { id: first.id } })).toBeNull();
    expect(await storedFiles()).not.toContain(row.storageKey.slice(3));
    expect((await readMyCv(user))?.bytes.toString()).toContain('deux');
  });

  it('only a candidate deposits a CV', async () => {
    const { gestionnaire } = await offreWithStaff();
    await expect(saveMyCv(gestionnaire, { filename: 'cv.pdf', bytes: pdf('staff') })).rejects.toBeInstanceOf(UserFacingError);
  });
});

describe('the CV sent with an application', () => {
  it('is read by its candidate and by the offer’s structure (audited), by nobody else — and survives a replacement', async () => {
    const user = await candidat();
    const { gestionnaire, offre } = await offreWithStaff();
    const other = await offreWithStaff();
    const stranger = await candidat();
    const admin = await currentUserOf(db, (await createUser(db, { role: 'ADMIN' })).id);

    const sent = await saveMyCv(user, { filename: 'CV envoyé.pdf', bytes: pdf('envoye') });
    const projet = await createProjet(db, { candidatId: user.id });
    const c = await createCandidature(db, { offreId: offre.id, candidatId: user.id, projetId: projet.id });
    await db.candidature.update({ where: { id: c.id }, data: { documentId: sent.id, cvNom: sent.filename, cvTaille: sent.size } });

    // the candidate replaces, then deletes his CV: the structure still has what it received
    await saveMyCv(user, { filename: 'CV nouveau.pdf', bytes: pdf('nouveau') });
    const kept = await db.document.findUniqueOrThrow({ where: { id: sent.id } });
    expect(kept.deletedAt).not.toBeNull();
    await deleteMyCv(user);
    expect(await getMyCv(user)).toBeNull();
    await expect(deleteMyCv(user)).rejects.toThrow(CV_MESSAGES.introuvable);

    expect((await readCandidatureCv(user, c.numero))?.bytes.toString()).toContain('envoye');
    const auditsBefore = await db.auditLog.count({ where: { action: 'cv.consultation', entityId: c.id } });
    const read = await readCandidatureCv(gestionnaire, c.numero, '203.0.113.9');
    expect(read?.filename).toBe('CV envoyé.pdf');
    expect(read?.bytes.toString()).toContain('envoye');
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'cv.consultation', entityId: c.id }, orderBy: { createdAt: 'desc' } });
    expect(audit.actorId).toBe(gestionnaire.id);
    expect(audit.ip).toBe('203.0.113.9');
    expect(await db.auditLog.count({ where: { action: 'cv.consultation', entityId: c.id } })).toBe(auditsBefore + 1);

    expect(await readCandidatureCv(stranger, c.numero)).toBeNull();
    expect(await readCandidatureCv(other.gestionnaire, c.numero)).toBeNull();
    expect(await readCandidatureCv(admin, c.numero)).toBeNull();
    expect(await readCandidatureCv(gestionnaire, 2_000_000_000)).toBeNull();

    // a deactivated structure's members no longer read it
    await db.structure.update({ where: { id: gestionnaire.membership!.structure.id }, data: { active: false } });
    expect(await readCandidatureCv(await currentUserOf(db, gestionnaire.id), c.numero)).toBeNull();
  });
});
