import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import type { CurrentUser } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import {
  ALREADY_MEMBER_MESSAGE,
  DUPLICATE_SIRET_MESSAGE,
  GESTIONNAIRE_ONLY_EDIT_MESSAGE,
  communesForPostalCode,
  createStructureFor,
  lookupSiretFor,
  updateMyStructure,
} from '@/lib/data/structure';
import { structureSchema, type StructureInput } from '@/lib/validations/structure';
import { createActeur, createStructure, createUser, randomSiret } from '@/tests/factories';
import { startFakeRechercheEntreprises } from '@/tests/fakes/recherche-entreprises-server';
import { currentUserOf } from '@/tests/helpers/current-user';
import { FAKE_ENTREPRISES_TEST_PORT } from '@/tests/helpers/integration-setup';

let fake: Awaited<ReturnType<typeof startFakeRechercheEntreprises>>;
beforeAll(async () => {
  fake = await startFakeRechercheEntreprises({ port: FAKE_ENTREPRISES_TEST_PORT });
});
afterAll(async () => {
  await fake.stop();
});

const current = (id: string): Promise<CurrentUser> => currentUserOf(db, id);

function input(overrides: Partial<StructureInput> = {}) {
  return structureSchema.parse({
    siret: randomSiret(),
    raisonSociale: 'CFA de test',
    sigle: '',
    type: 'CFA',
    codeNaf: '85.32z',
    domaineActivite: 'P',
    effectif: '12',
    adresse: '1 rue du Test',
    complementAdresse: '',
    codePostal: '33300',
    communeInsee: '33063',
    telephone: '05 56 00 00 00',
    email: 'Contact@CFA-Test.fr',
    accueilStagiaires3e: true,
    accueilStagiaires2de: false,
    ...overrides,
  });
}

describe('structure creation', () => {
  it('creates the structure, makes the acteur its GESTIONNAIRE and writes the audit', async () => {
    const acteur = await createUser(db, { role: 'ACTEUR' });
    const data = input();
    const created = await createStructureFor(await current(acteur.id), data, '127.0.0.1');
    const structure = await db.structure.findUniqueOrThrow({ where: { id: created.id }, include: { members: true } });
    expect(structure).toMatchObject({ siret: data.siret, siren: data.siret.slice(0, 9), commune: 'Bordeaux', departementCode: '33', codeNaf: '85.32Z', email: 'contact@cfa-test.fr', telephone: '0556000000' });
    expect(structure.completedAt).not.toBeNull();
    expect(structure.members).toEqual([expect.objectContaining({ userId: acteur.id, role: 'GESTIONNAIRE' })]);
    expect(await db.auditLog.count({ where: { entityId: created.id, action: 'structure.creation', actorId: acteur.id } })).toBe(1);
  });

  it('refuses a SIRET already registered, telling to ask its gestionnaire', async () => {
    const existing = await createStructure(db);
    const acteur = await createUser(db, { role: 'ACTEUR' });
    await expect(createStructureFor(await current(acteur.id), input({ siret: existing.siret }), 'ip')).rejects.toThrow(DUPLICATE_SIRET_MESSAGE);
    expect(await db.membership.count({ where: { userId: acteur.id } })).toBe(0);
  });

  it('gives one structure when two acteurs register the same SIRET at the same moment', async () => {
    const [a, b] = await Promise.all([createUser(db, { role: 'ACTEUR' }), createUser(db, { role: 'ACTEUR' })]);
    const data = input();
    const results = await Promise.allSettled([createStructureFor(await current(a.id), data, 'ip'), createStructureFor(await current(b.id), data, 'ip')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { message: DUPLICATE_SIRET_MESSAGE } });
    expect(await db.structure.count({ where: { siret: data.siret } })).toBe(1);
  });

  it('refuses a closed establishment (directory answer) and a second structure for a member', async () => {
    const acteur = await createUser(db, { role: 'ACTEUR' });
    await expect(createStructureFor(await current(acteur.id), input({ siret: '92468013500028' }), 'ip')).rejects.toThrow('Cet établissement est fermé');
    const member = await createActeur(db, (await createStructure(db)).id, 'UTILISATEUR');
    await expect(createStructureFor(await current(member.id), input(), 'ip')).rejects.toThrow(ALREADY_MEMBER_MESSAGE);
    const candidat = await createUser(db, { role: 'CANDIDAT' });
    await expect(createStructureFor(await current(candidat.id), input(), 'ip')).rejects.toThrow('Seul un acteur');
  });

  it('never blocks on the directory: unreachable → the typed fields are saved', async () => {
    fake.setMode('down');
    try {
      const acteur = await createUser(db, { role: 'ACTEUR' });
      const created = await createStructureFor(await current(acteur.id), input(), 'ip');
      expect(created.id).toBeTruthy();
    } finally {
      fake.setMode('normal');
    }
  });

  it('accepts only a commune of Nouvelle-Aquitaine matching the postal code', async () => {
    const acteur = await createUser(db, { role: 'ACTEUR' });
    await expect(createStructureFor(await current(acteur.id), input({ codePostal: '64000', communeInsee: '33063' }), 'ip')).rejects.toThrow('Choisissez une commune');
    expect((await communesForPostalCode('33300')).map((c) => c.nom)).toEqual(['Bordeaux']);
    expect(await communesForPostalCode('75001')).toEqual([]);
  });
});

describe('structure edits', () => {
  it('lets the gestionnaire edit his own structure only, never an utilisateur', async () => {
    const structure = await createStructure(db, { raisonSociale: 'Avant' });
    const other = await createStructure(db, { raisonSociale: 'Autre structure' });
    const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE');
    const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR');

    await expect(updateMyStructure((await current(utilisateur.id)) as StaffUser, input({ siret: structure.siret, raisonSociale: 'Piratée' }), 'ip')).rejects.toThrow(GESTIONNAIRE_ONLY_EDIT_MESSAGE);
    await updateMyStructure((await current(gestionnaire.id)) as StaffUser, input({ siret: other.siret, raisonSociale: 'Après' }), 'ip');

    expect((await db.structure.findUniqueOrThrow({ where: { id: structure.id } })).raisonSociale).toBe('Après');
    // the SIRET in the input is ignored: another structure is never touched
    expect(await db.structure.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ raisonSociale: 'Autre structure', siret: other.siret });
    expect((await db.structure.findUniqueOrThrow({ where: { id: structure.id } })).siret).toBe(structure.siret);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: structure.id, action: 'structure.modification' } });
    expect(audit.before).toMatchObject({ raisonSociale: 'Avant' });
    expect(audit.after).toMatchObject({ raisonSociale: 'Après' });
  });
});

describe('SIRET lookup', () => {
  it('answers from the directory and counts per user', async () => {
    const acteur = await current((await createUser(db, { role: 'ACTEUR' })).id);
    const result = await lookupSiretFor(acteur, '913 579 249 00016');
    expect(result).toMatchObject({ status: 'found', etablissements: [{ siret: '91357924900016', codeNaf: '85.59A', domaineActivite: 'P' }] });
    expect((await lookupSiretFor(acteur, '12')).status).toBe('invalid');
  });
});
