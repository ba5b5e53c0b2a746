import { createPrismaClient } from '@/lib/prisma-client';
import { createActeur, createStructure, createUser, uniqueEmail } from '@/tests/factories';
import { callServerAction, expect, signIn, test } from './fixtures';

/**
 * Server actions called directly over HTTP with forged arguments, by the wrong role or another
 * structure: the guards inside the actions and data functions refuse, and nothing changes.
 */
const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

async function structureWithMembers() {
  const structure = await createStructure(db, { raisonSociale: `Structure ${Date.now()}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g') });
  const utilisateur = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('u') });
  const collegue = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('c') });
  return { structure, gestionnaire, utilisateur, collegue };
}

async function roles(structureId: string) {
  return (await db.membership.findMany({ where: { structureId }, select: { userId: true, role: true }, orderBy: { userId: 'asc' } })).map((m) => `${m.userId}:${m.role}`);
}

// /invitation/… also bundles the members' actions and is not filtered by proxy.ts: the guards alone answer
const MEMBRES = 'lib/actions/membres.ts';
const VIA = '/invitation/jeton-inexistant-0000000000';

test('un UTILISATEUR appelant directement les actions du gestionnaire est refusé et rien ne change', async ({ page }) => {
  const { structure, utilisateur, collegue } = await structureWithMembers();
  const before = await roles(structure.id);
  await signIn(page, utilisateur.email);
  await expect(page).toHaveURL(/\/mon-espace$/);

  for (const [action, args] of [
    ['transferRightsAction', [{ numero: collegue.numero }]],
    ['removeMembreAction', [{ numero: collegue.numero }]],
    ['addMembreAction', [{ email: uniqueEmail('intrus'), role: 'GESTIONNAIRE' }]],
  ] as const) {
    const result = await callServerAction(page, MEMBRES, action, [...args], VIA);
    expect(result.redirect, action).toMatch(/\/\?erreur=gestionnaire/);
    expect(result.body, action).not.toContain('"ok":true');
  }
  expect(await roles(structure.id)).toEqual(before);
  expect(await db.invitation.count({ where: { structureId: structure.id } })).toBe(0);

  const edit = await callServerAction(page, 'lib/actions/structure.ts', 'updateStructureAction', [{ raisonSociale: 'Piratée' }], '/mon-compte/structure');
  expect(edit.body).toContain('Seul le gestionnaire peut modifier les informations de la structure.');
  expect((await db.structure.findUniqueOrThrow({ where: { id: structure.id } })).raisonSociale).toBe(structure.raisonSociale);
});

test('le gestionnaire d’une autre structure ne peut ni voir ni toucher ces membres', async ({ page }) => {
  const { structure, utilisateur } = await structureWithMembers();
  const other = await createStructure(db);
  const otherGestionnaire = await createActeur(db, other.id, 'GESTIONNAIRE', { email: uniqueEmail('autre') });
  const before = await roles(structure.id);
  await signIn(page, otherGestionnaire.email);
  await expect(page).toHaveURL(/\/mon-espace$/);

  for (const action of ['transferRightsAction', 'removeMembreAction'] as const) {
    const result = await callServerAction(page, MEMBRES, action, [{ numero: utilisateur.numero }], VIA);
    expect(result.body, action).toContain('"ok":false');
    expect(result.body, action).toMatch(/introuvable/i);
  }
  expect(await roles(structure.id)).toEqual(before);
  expect(await roles(other.id)).toEqual([`${otherGestionnaire.id}:GESTIONNAIRE`]);
});

test('un candidat ne peut pas créer de structure, même en appelant l’action', async ({ page }) => {
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('cand') });
  await signIn(page, candidat.email);
  await expect(page).toHaveURL(/\/candidat$/);
  const result = await callServerAction(
    page,
    'lib/actions/structure.ts',
    'createStructureAction',
    [{ siret: '91357924900016', raisonSociale: 'X', type: 'CFA', adresse: 'x', codePostal: '33300', communeInsee: '33063', accueilStagiaires3e: false, accueilStagiaires2de: false }],
    '/mon-compte/structure',
  );
  expect(result.status).not.toBe(200);
  expect(await db.membership.count({ where: { userId: candidat.id } })).toBe(0);
});
