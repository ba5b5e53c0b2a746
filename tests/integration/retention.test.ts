import { randomUUID } from 'node:crypto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '@/lib/auth/guards';
import PolitiqueRgpdPage from '@/app/(public)/politique-rgpd/page';
import { getCandidatureRecue } from '@/lib/data/candidatures-recues';
import { verifyCredentials } from '@/lib/data/auth';
import { db } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { RGPD_RETENTION_JOB, runRgpdRetentionJob } from '@/lib/jobs/rgpd-retention';
import { claimJob, releaseJob } from '@/lib/jobs/offres-archive';
import { retentionConfig, type RetentionConfig } from '@/lib/retention-config';
import { storage } from '@/lib/storage/app-storage';
import {
  COUVREUR,
  DEMO_PASSWORD,
  createActeur,
  createCandidature,
  createEmployeur,
  createOffre,
  createProjet,
  createStructure,
  createUser,
  linkEmployeur,
  uniqueEmail,
} from '@/tests/factories';
import { currentUserOf } from '@/tests/helpers/current-user';

/**
 * lib/jobs/rgpd-retention.ts with a controllable clock, against a real PostgreSQL and the app's
 * file storage. Each rule is checked at its boundary (the day before: nothing; at it: done), the
 * warning e-mail is written once, a sign-in after the warning cancels the anonymisation, files
 * leave the storage, other candidates are untouched; one audit row per run, counts only.
 *
 * The clock: NOW is 40 days before the real date, so every run of the job (NOW − 1 day … NOW + 32
 * days) stays in the past — rows of the other test files and of the demo data (all created at the
 * real date) are never due — and a real sign-in happens after any warning written here. Boundary
 * dates are computed by PostgreSQL (`- make_interval(months => n)`), the job's own arithmetic.
 */

afterAll(async () => {
  await db.$disconnect();
});

const DAY = 24 * 60 * 60 * 1000;
const CONFIG: RetentionConfig = retentionConfig({});
const NOW = new Date(Math.floor((Date.now() - 40 * DAY) / 1000) * 1000);
const at = (base: Date, days: number) => new Date(base.getTime() + days * DAY);

async function monthsBefore(date: Date, months: number): Promise<Date> {
  const [row] = await db.$queryRaw<{ t: Date }[]>`SELECT (${date}::timestamp(3) - make_interval(months => ${months}::int)) AS t`;
  return row!.t;
}

const run = (now: Date) => runRgpdRetentionJob(db, now, { config: CONFIG, storage: storage() });

async function world() {
  const t = randomUUID().slice(0, 6);
  const structure = await createStructure(db, { raisonSociale: `CFA Rétention ${t}` });
  const gestionnaire = await createActeur(db, structure.id, 'GESTIONNAIRE', { email: uniqueEmail('ret-g') });
  const employeur = await createEmployeur(db, { raisonSociale: `Toitures ${t}` });
  await linkEmployeur(db, { structureId: structure.id, employeurId: employeur.id });
  const offre = () => createOffre(db, { structureId: structure.id, employeurId: employeur.id, metier: COUVREUR });
  return { structure, gestionnaire: (await currentUserOf(db, gestionnaire.id)) as StaffUser, offre };
}

/** A candidate with a project, a stored CV and (optionally) an application sent with it at `appliedAt`. */
async function candidat(opts: { activity?: Date; cvAt?: Date } = {}) {
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('ret-c'), prenom: 'Rémi' });
  if (opts.activity) await db.user.update({ where: { id: user.id }, data: { createdAt: opts.activity, lastLoginAt: opts.activity } });
  const projet = await createProjet(db, {
    candidatId: user.id,
    metier: COUVREUR,
    diplomeIntitule: 'CAP couvreur',
    formations: [{ intitule: 'Diplôme national du brevet', statut: 'VALIDE', annee: 2024 }],
  });
  const storageKey = `cv/${randomUUID()}.pdf`;
  await storage().put(storageKey, Buffer.from('%PDF-1.4 rétention'), 'application/pdf');
  const cv = await db.document.create({
    data: { ownerId: user.id, filename: 'CV Rémi.pdf', storageKey, size: 18, mimeType: 'application/pdf', sha256: 'b'.repeat(64), createdAt: opts.cvAt ?? new Date() },
  });
  return { user, projet, cv };
}

async function apply(c: Awaited<ReturnType<typeof candidat>>, offreId: string, opts: { at: Date; answeredAt?: Date; withCv?: boolean }) {
  const row = await createCandidature(db, { offreId, candidatId: c.user.id, projetId: c.projet.id, message: 'Bonjour, je suis Rémi, joignable au 06 11 22 33 44.' });
  return db.candidature.update({
    where: { id: row.id },
    data: {
      createdAt: opts.at,
      ...(opts.withCv === false ? {} : { documentId: c.cv.id, cvNom: c.cv.filename, cvTaille: c.cv.size }),
      ...(opts.answeredAt ? { status: 'REFUSEE' as const, reponseType: 'REFUS' as const, reponseMessage: 'Poste pourvu.', answeredAt: opts.answeredAt } : {}),
    },
  });
}

const outbox = (to: string, template: string) => db.emailOutbox.findMany({ where: { to, template } });

describe('inactive candidate accounts: warning, then anonymisation', () => {
  it(`warns once after ${CONFIG.inactiviteMois} months without activity (not a day before), then erases ${CONFIG.avertissementJours} days after the warning`, async () => {
    const w = await world();
    const boundary = await monthsBefore(NOW, CONFIG.inactiviteMois);
    const inactive = await candidat({ activity: boundary });
    const application = await apply(inactive, (await w.offre()).id, { at: boundary });
    const active = await candidat({ activity: at(boundary, 1) });

    // the day before the boundary: nothing
    await run(at(NOW, -1));
    expect((await db.user.findUniqueOrThrow({ where: { id: inactive.user.id } })).inactivityWarnedAt).toBeNull();
    expect(await outbox(inactive.user.email, 'compte-inactivite-avertissement')).toHaveLength(0);

    // at the boundary: warned, once, with the date of the anonymisation and a sign-in link
    const first = await run(NOW);
    expect(first.ran).toBe(true);
    expect(first.avertissements).toBeGreaterThanOrEqual(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: inactive.user.id } })).inactivityWarnedAt).toEqual(NOW);
    const [mail] = await outbox(inactive.user.email, 'compte-inactivite-avertissement');
    expect(mail!.subject).toBe(`Votre compte CMonAlternance sera anonymisé le ${formatDate(at(NOW, CONFIG.avertissementJours))}`);
    expect(mail!.text).toContain('/connexion');
    expect((await db.user.findUniqueOrThrow({ where: { id: active.user.id } })).inactivityWarnedAt).toBeNull();
    await run(at(NOW, 1));
    expect(await outbox(inactive.user.email, 'compte-inactivite-avertissement')).toHaveLength(1);
    // the other one is warned a day later, not before
    expect((await db.user.findUniqueOrThrow({ where: { id: active.user.id } })).inactivityWarnedAt).toEqual(at(NOW, 1));

    // the day before the end of the warning period: still there
    await run(at(NOW, CONFIG.avertissementJours - 1));
    expect(await db.user.count({ where: { id: inactive.user.id } })).toBe(1);
    expect(await storage().get(inactive.cv.storageKey)).not.toBeNull();

    // at the end: erased as « Supprimer mon compte » does, the CV file gone, the application anonymised
    const end = await run(at(NOW, CONFIG.avertissementJours));
    expect(end.comptesAnonymises).toBeGreaterThanOrEqual(1);
    expect(await db.user.count({ where: { id: inactive.user.id } })).toBe(0);
    expect(await db.projet.count({ where: { id: inactive.projet.id } })).toBe(0);
    expect(await db.document.count({ where: { id: inactive.cv.id } })).toBe(0);
    expect(await storage().get(inactive.cv.storageKey)).toBeNull();
    const anonymised = await db.candidature.findUniqueOrThrow({ where: { id: application.id } });
    expect(anonymised).toMatchObject({ candidatId: null, projetId: null, documentId: null, message: null, cvNom: null, cvTaille: null });
    expect(anonymised.anonymizedAt).toEqual(at(NOW, CONFIG.avertissementJours));
    expect(anonymised.projetSnapshot).not.toHaveProperty('formations');
    expect(await outbox(inactive.user.email, 'compte-inactivite-suppression')).toHaveLength(1);
    // the other candidate, warned a day later, is still there; his files too
    expect(await db.user.count({ where: { id: active.user.id } })).toBe(1);
    expect(await storage().get(active.cv.storageKey)).not.toBeNull();
  });

  it('a sign-in after the warning cancels the anonymisation', async () => {
    const boundary = await monthsBefore(NOW, CONFIG.inactiviteMois);
    const c = await candidat({ activity: boundary });
    await run(NOW);
    expect((await db.user.findUniqueOrThrow({ where: { id: c.user.id } })).inactivityWarnedAt).toEqual(NOW);

    // he signs in (the real sign-in function, real clock: after the warning)
    expect((await verifyCredentials(c.user.email, DEMO_PASSWORD, `10.9.${Math.floor(Math.random() * 250)}.1`)).status).toBe('ok');

    await run(at(NOW, CONFIG.avertissementJours + 2));
    expect(await db.user.count({ where: { id: c.user.id } })).toBe(1);
    expect(await storage().get(c.cv.storageKey)).not.toBeNull();
    expect(await outbox(c.user.email, 'compte-inactivite-suppression')).toHaveLength(0);

  });
});

describe('CVs: deleted after the last application', () => {
  it(`deletes the file and the Document ${CONFIG.cvMois} months after the last application; the application keeps the CV's name; staff read « CV supprimé »`, async () => {
    const w = await world();
    const boundary = await monthsBefore(NOW, CONFIG.cvMois);
    const old = await candidat({ cvAt: at(boundary, -10) });
    const app = await apply(old, (await w.offre()).id, { at: boundary });
    await apply(old, (await w.offre()).id, { at: at(boundary, -30), withCv: false });
    // applied a day later: kept a day longer
    const recent = await candidat({ cvAt: at(boundary, -10) });
    await apply(recent, (await w.offre()).id, { at: at(boundary, 1) });
    // last application long ago, but the CV itself was dropped last month: kept
    const fresh = await candidat({ cvAt: at(NOW, -30) });
    await apply(fresh, (await w.offre()).id, { at: at(boundary, -60), withCv: false });
    // never applied: this rule does not apply
    const never = await candidat({ cvAt: at(boundary, -100) });

    await run(at(NOW, -1));
    expect(await db.document.count({ where: { id: old.cv.id } })).toBe(1);

    const result = await run(NOW);
    expect(result.cvSupprimes).toBeGreaterThanOrEqual(1);
    expect(await db.document.count({ where: { id: old.cv.id } })).toBe(0);
    expect(await storage().get(old.cv.storageKey)).toBeNull();
    const row = await db.candidature.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ documentId: null, cvNom: 'CV Rémi.pdf', cvTaille: 18, candidatId: old.user.id, anonymizedAt: null });
    expect(await getCandidatureRecue(w.gestionnaire, row.numero)).toMatchObject({ cv: null, cvSupprime: true, anonymise: false });
    // the account itself stays
    expect(await db.user.count({ where: { id: old.user.id } })).toBe(1);

    for (const kept of [recent, fresh, never]) {
      expect(await db.document.count({ where: { id: kept.cv.id } })).toBe(1);
      expect(await storage().get(kept.cv.storageKey)).not.toBeNull();
    }
    await run(at(NOW, 1));
    expect(await db.document.count({ where: { id: recent.cv.id } })).toBe(0);
    expect(await storage().get(recent.cv.storageKey)).toBeNull();
  });
});

describe('answered applications: anonymised after the answer', () => {
  it(`anonymises an answered application ${CONFIG.candidaturesMois} months after the answer, not a day before; unanswered ones and recent answers stay`, async () => {
    const w = await world();
    const boundary = await monthsBefore(NOW, CONFIG.candidaturesMois);
    const c = await candidat();
    const answered = await apply(c, (await w.offre()).id, { at: at(boundary, -20), answeredAt: boundary });
    const later = await apply(c, (await w.offre()).id, { at: at(boundary, -20), answeredAt: at(boundary, 1), withCv: false });
    const pending = await apply(c, (await w.offre()).id, { at: at(NOW, -5), withCv: false });

    await run(at(NOW, -1));
    expect((await db.candidature.findUniqueOrThrow({ where: { id: answered.id } })).anonymizedAt).toBeNull();

    await run(NOW);
    const row = await db.candidature.findUniqueOrThrow({ where: { id: answered.id } });
    expect(row).toMatchObject({ candidatId: null, projetId: null, documentId: null, message: null, cvNom: null, cvTaille: null, anonymizedAt: NOW });
    // what statistics need stays
    expect(row).toMatchObject({ status: 'REFUSEE' as const, reponseType: 'REFUS' as const, offreId: answered.offreId, answeredAt: boundary });
    expect(row.projetSnapshot).toMatchObject({ metier: COUVREUR.metier });
    expect(row.projetSnapshot).not.toHaveProperty('formations');
    expect(row.projetSnapshot).not.toHaveProperty('diplomeIntitule');
    const detail = await getCandidatureRecue(w.gestionnaire, row.numero);
    expect(detail).toMatchObject({ anonymise: true, profilNumero: null, message: null, cv: null, cvSupprime: false });

    expect((await db.candidature.findUniqueOrThrow({ where: { id: later.id } })).anonymizedAt).toBeNull();
    expect(await db.candidature.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ anonymizedAt: null, candidatId: c.user.id });
    // the candidate and his other applications are untouched
    expect(await db.candidature.count({ where: { candidatId: c.user.id } })).toBe(2);
  });
});

describe('audit rows and e-mails: purged', () => {
  it(`purges audit rows after ${CONFIG.auditMois} months and sent e-mails after ${CONFIG.emailsJours} days, not pending ones`, async () => {
    const auditBoundary = await monthsBefore(NOW, CONFIG.auditMois);
    const tag = randomUUID();
    const [oldAudit, youngAudit] = await Promise.all(
      [auditBoundary, at(auditBoundary, 1)].map((createdAt) => db.auditLog.create({ data: { action: 'test.retention', entityType: 'Test', entityId: tag, createdAt } })),
    );
    const emailBoundary = at(NOW, -CONFIG.emailsJours);
    const mk = (status: 'ENVOYE' | 'ECHEC' | 'EN_ATTENTE', when: Date) =>
      db.emailOutbox.create({
        data: { to: uniqueEmail('ret-mail'), subject: 's', html: 'h', text: 't', template: 'test-retention', idempotencyKey: randomUUID(), status, sentAt: status === 'ENVOYE' ? when : null, updatedAt: when, createdAt: when },
      });
    const sent = await mk('ENVOYE', emailBoundary);
    const sentLater = await mk('ENVOYE', at(emailBoundary, 1));
    const failed = await mk('ECHEC', emailBoundary);
    const pending = await mk('EN_ATTENTE', at(emailBoundary, -10));

    await run(at(NOW, -1));
    expect(await db.auditLog.count({ where: { id: oldAudit!.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { id: sent.id } })).toBe(1);

    await run(NOW);
    expect(await db.auditLog.count({ where: { id: oldAudit!.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { id: youngAudit!.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { id: { in: [sent.id, failed.id] } } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { id: { in: [sentLater.id, pending.id] } } })).toBe(2);
  });
});

describe('the run', () => {
  it('is idempotent, audited once per run with counts only, and skipped while another instance holds the lease', async () => {
    const boundary = await monthsBefore(NOW, CONFIG.inactiviteMois);
    const c = await candidat({ activity: at(boundary, -3) });
    const now = at(NOW, 5);
    const first = await run(now);
    expect(first.ran).toBe(true);
    expect(first.avertissements).toBeGreaterThanOrEqual(1);
    const second = await run(now);
    expect(second).toEqual({ ran: true, avertissements: 0, comptesAnonymises: 0, cvSupprimes: 0, candidaturesAnonymisees: 0, auditsPurges: 0, emailsPurges: 0 });

    const audits = await db.auditLog.findMany({ where: { action: 'rgpd.retention', after: { path: ['now'], equals: now.toISOString() } }, orderBy: { createdAt: 'asc' } });
    expect(audits).toHaveLength(2);
    expect(audits[0]!.after).toMatchObject({ avertissements: first.avertissements, comptesAnonymises: first.comptesAnonymises, config: CONFIG });
    expect(audits[0]).toMatchObject({ actorId: null, entityType: 'JobRun', entityId: RGPD_RETENTION_JOB, ip: null });
    const text = JSON.stringify(audits);
    expect(text).not.toContain(c.user.email);
    expect(text).not.toContain(c.user.id);

    const token = await claimJob(db, RGPD_RETENTION_JOB, now);
    expect(token).not.toBeNull();
    try {
      expect(await run(now)).toMatchObject({ ran: false });
    } finally {
      await releaseJob(db, RGPD_RETENTION_JOB, token!, now, null);
    }
  });
});

describe('the periods', () => {
  it('default to the issue’s values and are read from RETENTION_* (whole numbers only, French error naming the variable)', () => {
    expect(retentionConfig({})).toEqual({ inactiviteMois: 24, avertissementJours: 30, cvMois: 12, candidaturesMois: 24, auditMois: 12, emailsJours: 90 });
    expect(retentionConfig({ RETENTION_CV_MOIS: '18', RETENTION_AVERTISSEMENT_JOURS: '15', RETENTION_EMAILS_JOURS: '' })).toMatchObject({ cvMois: 18, avertissementJours: 15, emailsJours: 90 });
    expect(() => retentionConfig({ RETENTION_INACTIVITE_MOIS: 'deux ans' })).toThrow(/RETENTION_INACTIVITE_MOIS : durée de conservation invalide/);
    expect(() => retentionConfig({ RETENTION_CANDIDATURES_MOIS: '0' })).toThrow(/RETENTION_CANDIDATURES_MOIS/);
  });
});

describe('« Politique RGPD »', () => {
  it('states the periods the job enforces, read from the same configuration', () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x27;|&apos;/g, '’').replace(/\s+/g, ' ');
    const page = text(renderToStaticMarkup(createElement(PolitiqueRgpdPage)));
    expect(page).toContain('Après 2 ans sans connexion ni activité, un e-mail vous prévient que votre compte sera anonymisé 30 jours plus tard');
    expect(page).toContain('au plus 1 an après votre dernière candidature');
    expect(page).toContain('Jusqu’à 2 ans après la réponse de la structure');
    expect(page).toContain('E-mails envoyés : 90 jours.');
    expect(page).not.toContain('3 ans');

    const saved = { ...process.env };
    Object.assign(process.env, { RETENTION_CV_MOIS: '18', RETENTION_AVERTISSEMENT_JOURS: '15', RETENTION_EMAILS_JOURS: '60' });
    try {
      const changed = text(renderToStaticMarkup(createElement(PolitiqueRgpdPage)));
      expect(changed).toContain('au plus 18 mois après votre dernière candidature');
      expect(changed).toContain('anonymisé 15 jours plus tard');
      expect(changed).toContain('E-mails envoyés : 60 jours.');
    } finally {
      for (const k of ['RETENTION_CV_MOIS', 'RETENTION_AVERTISSEMENT_JOURS', 'RETENTION_EMAILS_JOURS']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  });
});
