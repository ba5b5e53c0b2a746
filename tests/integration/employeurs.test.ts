import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import type { CurrentUser } from '@/lib/auth/permissions';
import {
  EmployeurLinkNotFoundError,
  EmployeursForbiddenError,
  computeAlertes,
  decideEmployeurLink,
  listEmployeursFor,
  listValidatedEmployeursFor,
  requestEmployeur,
} from '@/lib/data/employeurs';
import { db } from '@/lib/db';
import { serverEnv } from '@/lib/env';
import { EMPLOYEURS_MESSAGES as M, employeurSchema, type EmployeurInput } from '@/lib/validations/employeurs';
import { createActeur, createEmployeur, createStructure, createUser, linkEmployeur, randomSiret, uniqueEmail } from '@/tests/factories';
import { startFakeRechercheEntreprises, type FakeResult } from '@/tests/fakes/recherche-entreprises-server';

// Our own fake directory on a free port (another suite may hold the shared test port at the same
// time). The environment was parsed and cached when lib/db was imported: point the cached value at it.
let fake: Awaited<ReturnType<typeof startFakeRechercheEntreprises>>;
beforeAll(async () => {
  fake = await startFakeRechercheEntreprises({ port: 0 });
  (serverEnv() as { RECHERCHE_ENTREPRISES_URL: string }).RECHERCHE_ENTREPRISES_URL = fake.url;
});
afterAll(async () => {
  await fake.stop();
});

const CLOSED_SIRET = '92468013500028';

async function current(id: string): Promise<CurrentUser> {
  return db.user.findUniqueOrThrow({
    where: { id },
    select: {
      id: true,
      numero: true,
      email: true,
      prenom: true,
      nom: true,
      role: true,
      membership: { select: { role: true, structure: { select: { id: true, numero: true, raisonSociale: true, completedAt: true, active: true } } } },
    },
  });
}

const tag = () => Math.random().toString(36).slice(2, 8);

/** A fresh structure with a gestionnaire and an utilisateur. */
async function freshStructure(data: { email?: string; telephone?: string; siret?: string } = {}) {
  const structure = await createStructure(db, { raisonSociale: `CFA employeurs ${tag()}`, email: data.email ?? `contact@cfa-${tag()}.fr`, telephone: data.telephone ?? '0556000000', siret: data.siret });
  const g = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('g-employeurs'), prenom: 'Gina' });
  const u = await createActeur(db, structure.id, 'UTILISATEUR', { email: uniqueEmail('u-employeurs'), prenom: 'Ugo' });
  return { structure, g, u, gestionnaire: (await current(g.id)) as StaffUser, utilisateur: (await current(u.id)) as StaffUser };
}

function input(overrides: Partial<EmployeurInput> = {}) {
  return employeurSchema.parse({
    siret: randomSiret(),
    raisonSociale: `Menuiserie Élégante ${tag()}`,
    sigle: '',
    codeNaf: '4332A',
    effectif: '02',
    nomCommercial: '',
    email: '',
    domaineActivite: 'F',
    telephone: '',
    adresse: '3 rue des Artisans',
    complementAdresse: '',
    codePostal: '33000',
    ville: 'BORDEAUX',
    communeInsee: '',
    ...overrides,
  });
}

/** Registers a copy of the fake directory's open CFA under a new SIRET and name. */
function newEntrepriseInDirectory(nom: string): string {
  const siret = randomSiret();
  const result: FakeResult = {
    siren: siret.slice(0, 9),
    nom_complet: nom,
    nom_raison_sociale: nom,
    activite_principale: '43.32A',
    section_activite_principale: 'F',
    etat_administratif: 'A',
    siege: { siret, etat_administratif: 'A', code_postal: '33000', commune: '33063', libelle_commune: 'BORDEAUX', numero_voie: '3', type_voie: 'RUE', libelle_voie: 'DES ARTISANS', est_siege: true, activite_principale: '43.32A' },
    matching_etablissements: [{ siret, etat_administratif: 'A', code_postal: '33000', commune: '33063', libelle_commune: 'BORDEAUX', adresse: '3 RUE DES ARTISANS 33000 BORDEAUX', est_siege: true }],
  };
  fake.addEntreprise(result);
  return siret;
}

async function activeAdminIds() {
  return (await db.user.findMany({ where: { role: 'ADMIN', active: true, anonymizedAt: null }, select: { id: true } })).map((a) => a.id);
}

describe('requestEmployeur', () => {
  it('creates the employer record and an EN_ATTENTE link, audits and e-mails every active admin', async () => {
    const { structure, gestionnaire } = await freshStructure();
    const data = input({ ville: 'bordeaux' });
    const result = await requestEmployeur(gestionnaire, data, { ip: '127.0.0.1' });
    expect(result.created).toBe(true);

    const employeur = await db.employeur.findUniqueOrThrow({ where: { siret: data.siret } });
    expect(employeur).toMatchObject({ raisonSociale: data.raisonSociale, siren: data.siret.slice(0, 9), codeNaf: '43.32A', ville: 'Bordeaux', communeInsee: '33063', departementCode: '33' });
    expect(employeur.searchText).toContain('menuiserie elegante');

    const link = await db.structureEmployeur.findUniqueOrThrow({ where: { id: result.linkId } });
    expect(link).toMatchObject({ structureId: structure.id, employeurId: employeur.id, status: 'EN_ATTENTE', requestedById: gestionnaire.id, decidedAt: null });
    // a random SIRET is unknown to the directory: the admin is told
    expect(link.alertes).toContain("Ce Siret est introuvable dans l'annuaire des entreprises : les informations ont été saisies à la main.");

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'employeur.demande', entityId: link.id } });
    expect(audit).toMatchObject({ actorId: gestionnaire.id, entityType: 'StructureEmployeur', ip: '127.0.0.1' });

    const admins = await activeAdminIds();
    expect(admins.length).toBeGreaterThan(0);
    const mails = await db.emailOutbox.findMany({ where: { idempotencyKey: { startsWith: `employeur-demande:${link.id}:` } } });
    expect(mails).toHaveLength(admins.length);
    expect(mails.map((m) => m.to)).toContain('admin@cmonalternance.test');
    expect(mails[0]).toMatchObject({ template: 'employeur-demande', status: 'EN_ATTENTE' });
    expect(mails[0]!.subject).toContain(data.raisonSociale);
  });

  it('an UTILISATEUR may add employers too', async () => {
    const { utilisateur } = await freshStructure();
    const result = await requestEmployeur(utilisateur, input());
    expect((await db.structureEmployeur.findUniqueOrThrow({ where: { id: result.linkId } })).requestedById).toBe(utilisateur.id);
  });

  it('refuses the same employer twice for one structure, whatever its status, with the status in the message', async () => {
    const { gestionnaire, utilisateur } = await freshStructure();
    const data = input();
    await requestEmployeur(gestionnaire, data);
    await expect(requestEmployeur(utilisateur, input({ siret: data.siret }))).rejects.toThrow(M.dejaSuivi('En attente de validation'));
    await expect(requestEmployeur(utilisateur, input({ siret: data.siret }))).rejects.toMatchObject({ fieldErrors: { siret: M.dejaSuivi('En attente de validation') } });

    const refused = await freshStructure();
    const e = await createEmployeur(db);
    await linkEmployeur(db, { structureId: refused.structure.id, employeurId: e.id, status: 'REFUSE', motifRefus: 'Doublon' });
    await expect(requestEmployeur(refused.gestionnaire, input({ siret: e.siret }))).rejects.toThrow('Cet employeur fait déjà partie de vos employeurs (statut : Refusé).');
  });

  it('reuses an existing record without overwriting it, only filling its empty fields', async () => {
    const existing = await createEmployeur(db, { raisonSociale: 'Toitures Existantes', email: 'contact@toitures-existantes.fr' });
    const { gestionnaire } = await freshStructure();
    const result = await requestEmployeur(
      gestionnaire,
      input({ siret: existing.siret, raisonSociale: 'Nom saisi différent', email: 'autre@exemple.fr', telephone: '05 57 11 22 33', sigle: 'TE', adresse: '5 allée Neuve', codePostal: '64000', ville: 'Pau' }),
    );
    expect(result.created).toBe(false);
    expect(result.employeurId).toBe(existing.id);
    const after = await db.employeur.findUniqueOrThrow({ where: { id: existing.id } });
    expect(after).toMatchObject({ raisonSociale: 'Toitures Existantes', email: 'contact@toitures-existantes.fr', telephone: '0557112233', sigle: 'TE', adresse: '5 allée Neuve', codePostal: '64000', ville: 'Pau', communeInsee: '64445', departementCode: '64' });
    const link = await db.structureEmployeur.findUniqueOrThrow({ where: { id: result.linkId } });
    expect(link.alertes.some((a) => a.includes('diffère de celle déjà enregistrée'))).toBe(true);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'employeur.demande', entityId: link.id } });
    expect(audit.after).toMatchObject({ employeurCree: false, saisie: { email: 'autre@exemple.fr' } });
  });

  it('computes the warnings: same e-mail, same phone, same domain; webmail ignored; validated elsewhere', async () => {
    const { gestionnaire } = await freshStructure({ email: 'contact@cfa-alerte.fr', telephone: '0556123456' });
    const same = await requestEmployeur(gestionnaire, input({ email: 'Contact@CFA-alerte.fr', telephone: '05 56 12 34 56' }));
    const sameAlertes = (await db.structureEmployeur.findUniqueOrThrow({ where: { id: same.linkId } })).alertes;
    expect(sameAlertes).toContain("L'adresse e-mail de l'employeur (contact@cfa-alerte.fr) est celle de la structure.");
    expect(sameAlertes).toContain("Le téléphone de l'employeur (0556123456) est celui de la structure.");
    expect(sameAlertes.some((a) => a.includes('même nom de domaine'))).toBe(false);

    const domain = await requestEmployeur(gestionnaire, input({ email: 'rh@cfa-alerte.fr' }));
    expect((await db.structureEmployeur.findUniqueOrThrow({ where: { id: domain.linkId } })).alertes).toContain(
      "L'adresse e-mail de l'employeur (rh@cfa-alerte.fr) a le même nom de domaine (@cfa-alerte.fr) que celle de la structure.",
    );

    const gmail = await freshStructure({ email: 'moncfa@gmail.com', telephone: '0556000001' });
    const webmail = await requestEmployeur(gmail.gestionnaire, input({ email: 'patron@gmail.com', telephone: '0556999999' }));
    const webmailAlertes = (await db.structureEmployeur.findUniqueOrThrow({ where: { id: webmail.linkId } })).alertes;
    expect(webmailAlertes.filter((a) => a.includes('e-mail') || a.includes('téléphone'))).toEqual([]);

    // informational: already validated for another structure
    const other = await freshStructure();
    const e = await createEmployeur(db);
    await linkEmployeur(db, { structureId: other.structure.id, employeurId: e.id, status: 'VALIDE' });
    const known = await requestEmployeur(gestionnaire, input({ siret: e.siret, raisonSociale: e.raisonSociale }));
    expect((await db.structureEmployeur.findUniqueOrThrow({ where: { id: known.linkId } })).alertes).toContain('Pour information : cet employeur est déjà validé pour 1 autre structure.');
  });

  it('computeAlertes: same company as the structure, directory outcomes', () => {
    const structure = { siret: '91357924900016', email: null, telephone: null };
    const base = { structure, emails: [], telephones: [], raisonSociale: 'X', valideAilleurs: 0 };
    expect(computeAlertes({ ...base, siret: '91357924900016', annuaire: null })).toEqual(["Le Siret de l'employeur est celui de la structure."]);
    expect(computeAlertes({ ...base, siret: '91357924900024', annuaire: { status: 'unavailable', reason: 'timeout', message: '' } })).toEqual([
      "L'employeur appartient à la même entreprise (SIREN 913579249) que la structure.",
      "L'annuaire des entreprises n'a pas pu être consulté lors de la demande : les informations saisies n'ont pas été vérifiées.",
    ]);
  });

  it('uses the directory when it answers, refuses a closed establishment, and never blocks when it is down', async () => {
    const { gestionnaire } = await freshStructure();
    const nom = `ATELIER ANNUAIRE ${tag().toUpperCase()}`;
    const siret = newEntrepriseInDirectory(nom);
    const found = await requestEmployeur(gestionnaire, input({ siret, raisonSociale: nom }));
    expect(await db.employeur.findUniqueOrThrow({ where: { siret } })).toMatchObject({ etatAdministratif: 'A' });
    expect((await db.structureEmployeur.findUniqueOrThrow({ where: { id: found.linkId } })).alertes).toEqual([]);

    await expect(requestEmployeur(gestionnaire, input({ siret: CLOSED_SIRET }))).rejects.toThrow('Cet établissement est fermé');
    expect(await db.employeur.count({ where: { siret: CLOSED_SIRET } })).toBe(0);

    fake.setMode('down');
    try {
      const data = input();
      const down = await requestEmployeur(gestionnaire, data);
      expect((await db.structureEmployeur.findUniqueOrThrow({ where: { id: down.linkId } })).alertes).toContain(
        "L'annuaire des entreprises n'a pas pu être consulté lors de la demande : les informations saisies n'ont pas été vérifiées.",
      );
    } finally {
      fake.setMode('normal');
    }
  });
});

describe('decideEmployeurLink', () => {
  async function pending() {
    const s = await freshStructure();
    const r = await requestEmployeur(s.gestionnaire, input());
    return { ...s, linkId: r.linkId };
  }
  async function admin() {
    return current((await createUser(db, { role: 'ADMIN', email: uniqueEmail('admin-employeurs') })).id);
  }

  it('refuses anyone but an admin', async () => {
    const { linkId, gestionnaire } = await pending();
    const candidat = await current((await createUser(db, { role: 'CANDIDAT' })).id);
    await expect(decideEmployeurLink(gestionnaire, linkId, { status: 'VALIDE' })).rejects.toBeInstanceOf(EmployeursForbiddenError);
    await expect(decideEmployeurLink(candidat, linkId, { status: 'VALIDE' })).rejects.toBeInstanceOf(EmployeursForbiddenError);
    // a deactivated admin (the CurrentUser is stale) decides nothing either
    const stale = await admin();
    await db.user.update({ where: { id: stale.id }, data: { active: false } });
    await expect(decideEmployeurLink(stale, linkId, { status: 'VALIDE' })).rejects.toBeInstanceOf(EmployeursForbiddenError);
    expect((await db.structureEmployeur.findUniqueOrThrow({ where: { id: linkId } })).status).toBe('EN_ATTENTE');
  });

  it('validates: status, decider, audit, e-mails to the members; then refuses to decide again', async () => {
    const { linkId, g, u } = await pending();
    const a = await admin();
    const result = await decideEmployeurLink(a, linkId, { status: 'VALIDE' }, { ip: '10.0.0.1' });
    expect(result).toMatchObject({ status: 'VALIDE', notified: 2 });
    const link = await db.structureEmployeur.findUniqueOrThrow({ where: { id: linkId } });
    expect(link).toMatchObject({ status: 'VALIDE', decidedById: a.id, motifRefus: null });
    expect(link.decidedAt).not.toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'employeur.validation', entityId: linkId } });
    expect(audit).toMatchObject({ actorId: a.id, before: { status: 'EN_ATTENTE' }, after: { status: 'VALIDE' } });
    const mails = await db.emailOutbox.findMany({ where: { idempotencyKey: { startsWith: `employeur-decision:${linkId}:` } } });
    expect(mails.map((m) => m.to).sort()).toEqual([g.email, u.email].sort());
    expect(mails[0]!.template).toBe('employeur-valide');

    await expect(decideEmployeurLink(a, linkId, { status: 'REFUSE', motif: 'Trop tard' })).rejects.toThrow(M.dejaDecidee('Validé'));
    expect((await db.structureEmployeur.findUniqueOrThrow({ where: { id: linkId } })).status).toBe('VALIDE');
  });

  it('refuses with a reason (required), e-mailed to the members', async () => {
    const { linkId, g } = await pending();
    const a = await admin();
    await expect(decideEmployeurLink(a, linkId, { status: 'REFUSE', motif: '   ' })).rejects.toThrow(M.motifObligatoire);
    await decideEmployeurLink(a, linkId, { status: 'REFUSE', motif: "L'entreprise n'existe plus." });
    expect(await db.structureEmployeur.findUniqueOrThrow({ where: { id: linkId } })).toMatchObject({ status: 'REFUSE', motifRefus: "L'entreprise n'existe plus.", decidedById: a.id });
    const mail = await db.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: `employeur-decision:${linkId}:${g.id}` } });
    expect(mail.template).toBe('employeur-refuse');
    expect(mail.text).toContain("Motif : L'entreprise n'existe plus.");
    expect(await db.auditLog.count({ where: { action: 'employeur.refus', entityId: linkId } })).toBe(1);
  });

  it('two admins deciding at the same moment: one wins', async () => {
    const { linkId } = await pending();
    const [a, b] = await Promise.all([admin(), admin()]);
    const results = await Promise.allSettled([decideEmployeurLink(a, linkId, { status: 'VALIDE' }), decideEmployeurLink(b, linkId, { status: 'REFUSE', motif: 'Non' })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.auditLog.count({ where: { entityId: linkId, action: { in: ['employeur.validation', 'employeur.refus'] } } })).toBe(1);
  });

  it('an unknown link is « introuvable »', async () => {
    await expect(decideEmployeurLink(await admin(), 'inexistant', { status: 'VALIDE' })).rejects.toBeInstanceOf(EmployeurLinkNotFoundError);
  });
});

describe('listing', () => {
  it('listValidatedEmployeursFor returns only the VALIDE links of the caller’s structure', async () => {
    const mine = await freshStructure();
    const other = await freshStructure();
    const [valide, attente, refuse, ailleurs] = await Promise.all([
      createEmployeur(db, { raisonSociale: 'B Validé', adresse: '1 rue A', codePostal: '33000', ville: 'Bordeaux', communeInsee: '33063' }),
      createEmployeur(db, { raisonSociale: 'A En attente' }),
      createEmployeur(db, { raisonSociale: 'C Refusé' }),
      createEmployeur(db, { raisonSociale: 'D Validé ailleurs' }),
    ]);
    await linkEmployeur(db, { structureId: mine.structure.id, employeurId: valide.id, status: 'VALIDE' });
    await linkEmployeur(db, { structureId: mine.structure.id, employeurId: attente.id, status: 'EN_ATTENTE' });
    await linkEmployeur(db, { structureId: mine.structure.id, employeurId: refuse.id, status: 'REFUSE', motifRefus: 'Non' });
    await linkEmployeur(db, { structureId: other.structure.id, employeurId: ailleurs.id, status: 'VALIDE' });
    await linkEmployeur(db, { structureId: other.structure.id, employeurId: attente.id, status: 'VALIDE' });

    const list = await listValidatedEmployeursFor(mine.utilisateur);
    expect(list).toEqual([
      { id: valide.id, numero: valide.numero, raisonSociale: 'B Validé', adresse: '1 rue A', complementAdresse: null, codePostal: '33000', ville: 'Bordeaux', communeInsee: '33063' },
    ]);
  });

  it('searches by accent-free raison sociale, SIRET and numéro; another structure never sees the links', async () => {
    const mine = await freshStructure();
    const other = await freshStructure();
    const t = tag();
    const e1 = await createEmployeur(db, { raisonSociale: `Pâtisserie Élodie ${t}`, ville: 'Pau', codePostal: '64000' });
    const e2 = await createEmployeur(db, { raisonSociale: `Garage du Port ${t}` });
    await linkEmployeur(db, { structureId: mine.structure.id, employeurId: e1.id, status: 'EN_ATTENTE' });
    await linkEmployeur(db, { structureId: mine.structure.id, employeurId: e2.id, status: 'REFUSE', motifRefus: 'Fermé' });

    const names = async (user: StaffUser, q?: string) => (await listEmployeursFor(user, { q, page: 1 })).rows.map((r) => r.raisonSociale);
    expect(await names(mine.gestionnaire, `PATISSERIE elodie ${t}`)).toEqual([e1.raisonSociale]);
    expect(await names(mine.gestionnaire, e2.siret)).toEqual([e2.raisonSociale]);
    expect(await names(mine.gestionnaire, `${e2.siret.slice(0, 3)} ${e2.siret.slice(3, 6)} ${e2.siret.slice(6)}`)).toEqual([e2.raisonSociale]);
    expect(await names(mine.gestionnaire, String(e1.numero).padStart(9, '0'))).toEqual([e1.raisonSociale]);
    expect(await names(mine.gestionnaire, '%')).toEqual([]);
    expect((await names(mine.gestionnaire)).sort()).toEqual([e1.raisonSociale, e2.raisonSociale].sort());

    const all = await listEmployeursFor(mine.utilisateur, { page: 1 });
    expect(all.counts).toEqual({ EN_ATTENTE: 1, VALIDE: 0, REFUSE: 1, total: 2 });
    expect(all.rows.find((r) => r.raisonSociale === e2.raisonSociale)).toMatchObject({ status: 'REFUSE', motifRefus: 'Fermé' });

    expect(await names(other.gestionnaire)).toEqual([]);
    expect(await names(other.gestionnaire, `patisserie elodie ${t}`)).toEqual([]);
    expect(await listValidatedEmployeursFor(other.gestionnaire)).toEqual([]);
  });

  it('pages by 20, the page clamped to the last one', async () => {
    const mine = await freshStructure();
    for (let i = 0; i < 23; i++) {
      const e = await createEmployeur(db, { raisonSociale: `Employeur paginé ${i}` });
      await linkEmployeur(db, { structureId: mine.structure.id, employeurId: e.id, status: 'VALIDE' });
    }
    const p1 = await listEmployeursFor(mine.gestionnaire, { page: 1 });
    expect(p1).toMatchObject({ total: 23, pageCount: 2, page: 1 });
    expect(p1.rows).toHaveLength(20);
    const p9 = await listEmployeursFor(mine.gestionnaire, { page: 9 });
    expect(p9).toMatchObject({ page: 2 });
    expect(p9.rows).toHaveLength(3);
  });
});
