/**
 * Shared by the authorization matrix (matrice-acces.spec.ts) and the hostile-input fuzzing
 * (fuzz-actions.spec.ts): the inventory of the app's entries discovered from the code, a small
 * world of two structures and two candidates made with the factories, the eight personas signed
 * in over HTTP, and the classification of an HTTP answer into an outcome of the table.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import type { DbClient } from '@/lib/prisma-client';
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
import { DEMO_ACCOUNTS } from '@/prisma/seed';
import { callServerAction } from '../fixtures';

// ───────────────────────────── Inventory ─────────────────────────────

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** app/(acteur)/mes-offres/[numero]/page.tsx → /mes-offres/[numero] (route groups removed). */
export function urlPatternOf(file: string): string {
  const segments = path.dirname(path.relative('app', file)).split(path.sep).filter((s) => s !== '.' && !/^\(.*\)$/.test(s));
  return `/${segments.join('/')}`;
}

/** Every page (GET), route handler (its exported methods) and server action, as table keys. */
export function discoverInventory(root = process.cwd()): string[] {
  const files = walk(path.join(root, 'app')).map((f) => path.relative(root, f));
  const pages = files.filter((f) => /(^|\/)page\.tsx$/.test(f)).map((f) => `PAGE ${urlPatternOf(f)}`);
  const routes = files
    .filter((f) => /(^|\/)route\.ts$/.test(f))
    .flatMap((f) => {
      const source = readFileSync(path.join(root, f), 'utf8');
      const methods = new Set<string>();
      for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g)) methods.add(m[1]!);
      for (const m of source.matchAll(/export\s+const\s+\{([^}]*)\}/g)) {
        for (const name of m[1]!.split(',').map((s) => s.trim())) if (/^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$/.test(name)) methods.add(name);
      }
      return [...methods].map((method) => `${method} ${urlPatternOf(f)}`);
    });
  const actionsDir = path.join(root, 'lib/actions');
  const actions = readdirSync(actionsDir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const source = readFileSync(path.join(actionsDir, f), 'utf8');
      if (!/^\s*['"]use server['"]/.test(source)) return [];
      return [...source.matchAll(/export\s+async\s+function\s+(\w+)/g)].map((m) => `ACTION lib/actions/${f}#${m[1]}`);
    });
  return [...pages, ...routes, ...actions].sort();
}

// ───────────────────────────── World ─────────────────────────────

export const PERSONAS = ['anonyme', 'candidat', 'autreCandidat', 'utilisateur', 'gestionnaire', 'autreGestionnaire', 'desactive', 'admin'] as const;
export type PersonaName = (typeof PERSONAS)[number];

export function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Two structures (A: the owner, B: another one), their members, offers, candidates and what hangs off them. */
export async function createWorld(db: DbClient) {
  const tag = randomUUID().slice(0, 6);
  const A = await createStructure(db, { raisonSociale: `Matrice A ${tag}` });
  const B = await createStructure(db, { raisonSociale: `Matrice B ${tag}` });
  const C = await createStructure(db, { raisonSociale: `Matrice C ${tag}` });
  const gestionnaire = await createActeur(db, A.id, 'GESTIONNAIRE', { email: uniqueEmail('mat-g') });
  const utilisateur = await createActeur(db, A.id, 'UTILISATEUR', { email: uniqueEmail('mat-u') });
  const desactive = await createActeur(db, A.id, 'UTILISATEUR', { email: uniqueEmail('mat-d') });
  const collegue = await createActeur(db, A.id, 'UTILISATEUR', { email: uniqueEmail('mat-c1') });
  const collegue2 = await createActeur(db, A.id, 'UTILISATEUR', { email: uniqueEmail('mat-c2') });
  const autreGestionnaire = await createActeur(db, B.id, 'GESTIONNAIRE', { email: uniqueEmail('mat-gb') });
  const candidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('mat-cand') });
  const autreCandidat = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('mat-cand2') });
  const inactif = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('mat-inactif') });

  const employeur = await createEmployeur(db, { raisonSociale: `Employeur matrice ${tag}`, adresse: '3 rue des Carreaux', codePostal: '33100', communeInsee: '33063', ville: 'Bordeaux' });
  await linkEmployeur(db, { structureId: A.id, employeurId: employeur.id });
  const employeurB = await createEmployeur(db, { raisonSociale: `Employeur B ${tag}` });
  await linkEmployeur(db, { structureId: B.id, employeurId: employeurB.id });
  const enAttente1 = await linkEmployeur(db, { structureId: A.id, employeurId: (await createEmployeur(db)).id, status: 'EN_ATTENTE', requestedById: gestionnaire.id });
  const enAttente2 = await linkEmployeur(db, { structureId: A.id, employeurId: (await createEmployeur(db)).id, status: 'EN_ATTENTE', requestedById: gestionnaire.id });

  const offre = await createOffre(db, { structureId: A.id, employeurId: employeur.id, referentId: utilisateur.id });
  const offreStatut = await createOffre(db, { structureId: A.id, employeurId: employeur.id, referentId: utilisateur.id });
  const offreDepublier = await createOffre(db, { structureId: A.id, employeurId: employeur.id, referentId: utilisateur.id });
  const offrePostuler = await createOffre(db, { structureId: A.id, employeurId: employeur.id, referentId: utilisateur.id });
  const offreB = await createOffre(db, { structureId: B.id, employeurId: employeurB.id, metier: COUVREUR });

  const projet = await createProjet(db, { candidatId: candidat.id });
  const projetSupprimer = await createProjet(db, { candidatId: candidat.id, metier: COUVREUR });
  const projetB = await createProjet(db, { candidatId: autreCandidat.id });
  const candidature = await createCandidature(db, { offreId: offre.id, candidatId: candidat.id, projetId: projet.id });
  const candidatureB = await createCandidature(db, { offreId: offreB.id, candidatId: autreCandidat.id, projetId: projetB.id });
  const candidature2 = await createCandidature(db, { offreId: offreStatut.id, candidatId: candidat.id, projetId: projet.id });
  const alerte = await db.alerte.create({ data: { structureId: A.id, offreId: offre.id, projetId: projetB.id, score: 80, raisons: ['Même métier'] } });
  const alerte2 = await db.alerte.create({ data: { structureId: A.id, offreId: offreStatut.id, projetId: projetB.id, score: 80, raisons: ['Même métier'] } });
  const invitation = await db.invitation.create({
    data: { structureId: A.id, email: uniqueEmail('mat-inv'), role: 'UTILISATEUR', tokenHash: createHash('sha256').update(randomUUID()).digest('hex'), invitedById: gestionnaire.id, expiresAt: new Date(Date.now() + 7 * 86_400_000) },
  });
  const notification = await db.notification.create({ data: { userId: candidat.id, type: 'SYSTEME', titre: 'Notification de la matrice', lien: '/candidat' } });
  const email = await db.emailOutbox.create({
    data: { idempotencyKey: randomUUID(), to: gestionnaire.email, subject: 'Matrice', html: '<p>x</p>', text: 'x', template: 'matrice', status: 'ECHEC', attempts: 5, lastError: 'échec simulé' },
  });
  const cert = await db.certification.findFirst({ where: { active: true, niveau: { not: null } }, select: { id: true, intitule: true, niveau: true } });

  return {
    tag, A, B, C, gestionnaire, utilisateur, desactive, collegue, collegue2, autreGestionnaire, candidat, autreCandidat, inactif,
    employeur, employeurB, enAttente1, enAttente2, offre, offreStatut, offreDepublier, offrePostuler, offreB,
    projet, projetSupprimer, projetB, candidature, candidature2, candidatureB, alerte, alerte2, invitation, notification, email, cert,
  };
}
export type World = Awaited<ReturnType<typeof createWorld>>;

/** Users, structures and ids of the world: what the fingerprint watches. */
function worldScope(w: World) {
  const users = [w.gestionnaire, w.utilisateur, w.desactive, w.collegue, w.collegue2, w.autreGestionnaire, w.candidat, w.autreCandidat, w.inactif].map((u) => u.id);
  return { users, structures: [w.A.id, w.B.id, w.C.id], employeurs: [w.employeur.id, w.employeurB.id], email: w.email.id };
}

/**
 * One md5 per table of every row of the world (users, structures, memberships, invitations,
 * employer links, offers, projects, applications, favourites, alerts, messages, notifications,
 * documents, the failed e-mail): a refused call must leave all of them as they were.
 */
export async function fingerprint(db: DbClient, w: World): Promise<Record<string, string>> {
  const s = worldScope(w);
  const tables: [string, string][] = [
    ['User', `select row_to_json(t)::text r from "User" t where id = any($1)`],
    ['Structure', `select row_to_json(t)::text r from "Structure" t where id = any($2)`],
    ['Membership', `select row_to_json(t)::text r from "Membership" t where "structureId" = any($2) or "userId" = any($1)`],
    ['Invitation', `select row_to_json(t)::text r from "Invitation" t where "structureId" = any($2)`],
    ['StructureEmployeur', `select row_to_json(t)::text r from "StructureEmployeur" t where "structureId" = any($2)`],
    ['Employeur', `select row_to_json(t)::text r from "Employeur" t where id = any($3)`],
    ['Offre', `select row_to_json(t)::text r from "Offre" t where "structureId" = any($2)`],
    ['Projet', `select row_to_json(t)::text r from "Projet" t where "candidatId" = any($1)`],
    ['Candidature', `select row_to_json(t)::text r from "Candidature" t where "candidatId" = any($1)`],
    ['Favori', `select row_to_json(t)::text r from "Favori" t where "userId" = any($1)`],
    // the world's structures × the world's projects: other specs' candidates raise alerts on the world's offers meanwhile
    ['Alerte', `select row_to_json(t)::text r from "Alerte" t where "structureId" = any($2) and "projetId" in (select id from "Projet" where "candidatId" = any($1))`],
    ['Message', `select row_to_json(t)::text r from "Message" t where "structureId" = any($2) or "toUserId" = any($1)`],
    ['Notification', `select row_to_json(t)::text r from "Notification" t where "userId" = any($1)`],
    ['Document', `select row_to_json(t)::text r from "Document" t where "ownerId" = any($1)`],
    ['EmailOutbox', `select row_to_json(t)::text r from "EmailOutbox" t where id = $4`],
  ];
  const sql = tables.map(([name, q]) => `select '${name}' t, md5(coalesce(string_agg(r, '|' order by r), '')) h from (${q}) x`).join(' union all ');
  const rows = await db.$queryRawUnsafe<{ t: string; h: string }[]>(sql, s.users, s.structures, s.employeurs, s.email);
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

// ───────────────────────────── Personas ─────────────────────────────

export const AUTH_ACTIONS = 'lib/actions/auth.ts';

/**
 * The per-IP limits (sign-in, password reset…) count by X-Forwarded-For: each run of a spec
 * comes from an address of its own, so that neither earlier runs nor the other specs (all on
 * 127.0.0.1) use up its quota.
 */
const RUN_IP = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
export const RUN_HEADERS = { 'x-forwarded-for': RUN_IP };

/** A copy of a persona's cookie jar (for a call that may end or change its session). */
export async function copyContext(baseURL: string, ctx: APIRequestContext): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: RUN_HEADERS, storageState: await ctx.storageState() });
}

/** A fresh cookie jar signed in with this e-mail through « Se connecter » (the server action, over HTTP). */
export async function signedInContext(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: RUN_HEADERS });
  const result = await callServerAction({ request: ctx }, AUTH_ACTIONS, 'signInAction', [{ email, password }], '/connexion');
  if (!result.redirect) throw new Error(`connexion impossible pour ${email} : ${result.status} ${result.body.slice(0, 300)}`);
  return ctx;
}

/**
 * A signed-out visitor who carries an unreadable session cookie: proxy.ts only looks for the
 * cookie's presence (its first line of defence), so every page guard and action guard has to
 * answer on its own — the case of CVE-2025-29927, where the middleware is skipped.
 */
export async function anonymousContext(baseURL: string): Promise<APIRequestContext> {
  const host = new URL(baseURL).hostname;
  return playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: RUN_HEADERS,
    storageState: { cookies: [{ name: 'authjs.session-token', value: 'jeton-forge', domain: host, path: '/', expires: -1, httpOnly: true, secure: false, sameSite: 'Lax' }], origins: [] },
  });
}

/** The eight personas; the deactivated one signed in BEFORE his account was deactivated. */
export async function signInPersonas(db: DbClient, baseURL: string, w: World): Promise<Record<PersonaName, APIRequestContext>> {
  const [, candidat, autreCandidat, utilisateur, gestionnaire, autreGestionnaire, desactive, admin] = await Promise.all([
    null,
    signedInContext(baseURL, w.candidat.email),
    signedInContext(baseURL, w.autreCandidat.email),
    signedInContext(baseURL, w.utilisateur.email),
    signedInContext(baseURL, w.gestionnaire.email),
    signedInContext(baseURL, w.autreGestionnaire.email),
    signedInContext(baseURL, w.desactive.email),
    signedInContext(baseURL, DEMO_ACCOUNTS.admin),
  ]);
  await db.user.update({ where: { id: w.desactive.id }, data: { active: false } });
  const anonyme = await anonymousContext(baseURL);
  return { anonyme, candidat, autreCandidat, utilisateur, gestionnaire, autreGestionnaire, desactive, admin };
}

// ───────────────────────────── Outcomes ─────────────────────────────

/** « → /path » for a redirect (the query kept only when it says why: ?erreur=…). */
export function redirectOutcome(location: string): string {
  const url = new URL(location, 'http://x');
  const erreur = url.searchParams.get('erreur');
  // a number made by the call (new offer, new application) is not part of the expectation
  return `→${url.pathname.replace(/\/\d+(?=\/|$)/g, '/[n]')}${erreur ? `?erreur=${erreur}` : ''}`;
}

/** The ActionResult carried by a server action's RSC answer, if any. */
export function actionResultOf(body: string): { ok: boolean; formError?: string; fieldErrors?: Record<string, string>; message?: string } | null {
  for (const line of body.split('\n')) {
    const json = line.slice(line.indexOf(':') + 1);
    if (!json.startsWith('{') || !json.includes('"ok":')) continue;
    try {
      // React's « $undefined » token stands for a field left undefined (formError of a field-only error)
      const value = JSON.parse(json, (_k, v: unknown) => (v === '$undefined' ? undefined : v)) as { ok?: unknown };
      if (typeof value.ok === 'boolean') return value as never;
    } catch {
      // not this line
    }
  }
  return null;
}

/**
 * What a server action answered, as a cell of the table: 'ok' (ok:true, or data for the
 * non-ActionResult helpers), 'introuvable' (ok:false saying « introuvable »), 'refus' (another
 * ok:false), '→/path' (redirect), or the HTTP status ('403', '404', '500'…).
 */
export function actionOutcome(result: { status: number; redirect: string | null; body: string }): string {
  if (result.redirect) return redirectOutcome(result.redirect.split(';')[0]!);
  if (result.status !== 200) return String(result.status);
  const r = actionResultOf(result.body);
  if (!r) return 'ok';
  if (r.ok) return 'ok';
  const text = [r.formError, ...(r.fieldErrors && typeof r.fieldErrors === 'object' ? Object.values(r.fieldErrors) : [])].join(' ');
  return /introuvable/i.test(text) ? 'introuvable' : 'refus';
}
