import 'server-only';
import { refreshAlertesForProjet } from '@/lib/alertes/refresh';
import { randomBytes } from 'node:crypto';
import type { CurrentUser } from '@/lib/auth/permissions';
import { hashPassword } from '@/lib/auth/password';
import { assertAdmin } from '@/lib/data/admin-access';
import { writeAudit } from '@/lib/data/audit';
import { RESET_TOKEN_TTL_MS, hashToken } from '@/lib/data/auth';
import { RATE_LIMITS, consume } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/send';
import { compteDesactiveEmail, compteReactiveEmail } from '@/lib/email/templates/admin';
import { passwordResetEmail } from '@/lib/email/templates/password-reset';
import { appUrl } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { Prisma, type MembershipRole, type Role } from '@/lib/generated/prisma/client';
import { escapeLike } from '@/lib/search';
import { NOUVEL_ADMIN_MESSAGES, type NouvelAdminData } from '@/lib/validations/admin';

/**
 * « Utilisateurs » (/admin/utilisateurs): the admin team searches every account, deactivates or
 * reactivates one, sends a password reset link. Every function checks the ADMIN role itself
 * (assertAdmin reads it from the database), whoever calls it. Anonymised accounts (deleted by
 * their candidate) are not listed.
 */

export const ADMIN_UTILISATEURS_PAGE_SIZE = 20;
export const ADMIN_UTILISATEURS_EXPORT_MAX = 10_000;

export const ADMIN_UTILISATEURS_ERRORS = {
  introuvable: 'Utilisateur introuvable.',
  soiMeme: 'Vous ne pouvez pas désactiver votre propre compte.',
  dejaDesactive: 'Ce compte est déjà désactivé.',
  dejaActif: 'Ce compte est déjà actif.',
  resetInactif: "Ce compte est désactivé : réactivez-le avant d'envoyer un lien de réinitialisation.",
  resetTropParEmail: 'Trois liens de réinitialisation ont déjà été envoyés à cette adresse dans l’heure. Réessayez plus tard.',
  resetTropParIp: 'Trop de demandes de réinitialisation depuis cette connexion. Réessayez dans une heure.',
} as const;

export interface UtilisateursFilters {
  q?: string;
  role?: Role;
  /** part of the structure's name (acteurs only), accents and case ignored */
  structure?: string;
}

export interface UtilisateurRow {
  id: string;
  numero: number;
  nom: string;
  prenom: string;
  email: string;
  role: Role;
  membershipRole: MembershipRole | null;
  structure: { id: string; raisonSociale: string } | null;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  /** An active GESTIONNAIRE with no other active GESTIONNAIRE in his structure. */
  dernierGestionnaire: boolean;
}

interface RawRow {
  id: string;
  numero: number;
  nom: string;
  prenom: string;
  email: string;
  role: Role;
  membershipRole: MembershipRole | null;
  structureId: string | null;
  raisonSociale: string | null;
  active: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
  autresGestionnaires: number | null;
}

function toRow(r: RawRow): UtilisateurRow {
  return {
    id: r.id,
    numero: r.numero,
    nom: r.nom,
    prenom: r.prenom,
    email: r.email,
    role: r.role,
    membershipRole: r.membershipRole,
    structure: r.structureId ? { id: r.structureId, raisonSociale: r.raisonSociale ?? '' } : null,
    active: r.active,
    lastLoginAt: r.lastLoginAt,
    createdAt: r.createdAt,
    dernierGestionnaire: r.active && r.membershipRole === 'GESTIONNAIRE' && r.autresGestionnaires === 0,
  };
}

function where(filters: UtilisateursFilters): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`u."anonymizedAt" IS NULL`];
  if (filters.q) {
    const pattern = escapeLike(filters.q.trim());
    parts.push(Prisma.sql`(lower(unaccent(u."prenom" || ' ' || u."nom")) LIKE '%' || lower(unaccent(${pattern})) || '%'
      OR lower(unaccent(u."nom" || ' ' || u."prenom")) LIKE '%' || lower(unaccent(${pattern})) || '%'
      OR u."email" LIKE '%' || lower(${pattern}) || '%')`);
  }
  if (filters.role) parts.push(Prisma.sql`u."role" = CAST(${filters.role} AS "Role")`);
  if (filters.structure) {
    const pattern = escapeLike(filters.structure.trim());
    parts.push(Prisma.sql`lower(unaccent(s."raisonSociale")) LIKE '%' || lower(unaccent(${pattern})) || '%'`);
  }
  return Prisma.join(parts, ' AND ');
}

function selectRows(filters: UtilisateursFilters, limit: number, offset: number) {
  return db.$queryRaw<RawRow[]>`
    SELECT u."id", u."numero", u."nom", u."prenom", u."email", u."role"::text AS "role",
           m."role"::text AS "membershipRole", s."id" AS "structureId", s."raisonSociale",
           u."active", u."lastLoginAt", u."createdAt",
           CASE WHEN m."role" = 'GESTIONNAIRE' THEN
             (SELECT count(*)::int FROM "Membership" o JOIN "User" ou ON ou."id" = o."userId"
               WHERE o."structureId" = m."structureId" AND o."role" = 'GESTIONNAIRE' AND o."userId" <> u."id"
                 AND ou."active" AND ou."anonymizedAt" IS NULL)
           END AS "autresGestionnaires"
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    LEFT JOIN "Structure" s ON s."id" = m."structureId"
    WHERE ${where(filters)}
    ORDER BY u."createdAt" DESC, u."id"
    LIMIT ${limit} OFFSET ${offset}`;
}

/** The accounts matching the search, the latest created first, 20 a page. */
export async function listUtilisateurs(actor: CurrentUser, filters: UtilisateursFilters & { page: number }) {
  await assertAdmin(actor);
  const counted = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count"
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    LEFT JOIN "Structure" s ON s."id" = m."structureId"
    WHERE ${where(filters)}`;
  const total = counted[0]?.count ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / ADMIN_UTILISATEURS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page) || 1), pageCount);
  const raw = total === 0 ? [] : await selectRows(filters, ADMIN_UTILISATEURS_PAGE_SIZE, (page - 1) * ADMIN_UTILISATEURS_PAGE_SIZE);
  return { rows: raw.map(toRow), total, page, pageCount };
}

export type UtilisateursList = Awaited<ReturnType<typeof listUtilisateurs>>;

/** Every account of the search for the CSV export (capped at 10 000). */
export async function exportUtilisateurs(actor: CurrentUser, filters: UtilisateursFilters) {
  await assertAdmin(actor);
  return (await selectRows(filters, ADMIN_UTILISATEURS_EXPORT_MAX, 0)).map(toRow);
}

export interface Options {
  ip?: string;
}

export interface ActifResult {
  nom: string;
  email: string;
  active: boolean;
  /** Set when the account deactivated was the last active GESTIONNAIRE of his structure. */
  structureSansGestionnaire: string | null;
}

/**
 * Deactivates (active=false, sessionVersion bumped: his open sessions end at his next request,
 * pending reset links cancelled) or reactivates an account; audited, the user is told by e-mail.
 * An admin cannot deactivate himself.
 */
export async function setUtilisateurActif(actor: CurrentUser, userId: string, actif: boolean, motif?: string | null, opts: Options = {}): Promise<ActifResult> {
  await assertAdmin(actor);
  if (!actif && userId === actor.id) throw new UserFacingError(ADMIN_UTILISATEURS_ERRORS.soiMeme);
  const reason = motif?.trim() || null;
  const now = new Date();
  return db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, anonymizedAt: null },
      select: {
        id: true,
        prenom: true,
        nom: true,
        email: true,
        active: true,
        sessionVersion: true,
        membership: { select: { role: true, structureId: true, structure: { select: { raisonSociale: true } } } },
      },
    });
    if (!user) throw new UserFacingError(ADMIN_UTILISATEURS_ERRORS.introuvable);
    // atomic: only the admin who actually changes the status gets through (no double e-mail)
    const updated = await tx.user.updateManyAndReturn({
      where: { id: user.id, active: !actif },
      data: { active: actif, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    if (updated.length === 0) throw new UserFacingError(actif ? ADMIN_UTILISATEURS_ERRORS.dejaActif : ADMIN_UTILISATEURS_ERRORS.dejaDesactive);
    if (!actif) {
      await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    }
    // « Alertes » hold active candidates' projects only (lib/alertes/refresh.ts): deactivating
    // removes theirs, reactivating raises them again — the structures' reads need no join to users
    for (const projet of await tx.projet.findMany({ where: { candidatId: user.id }, select: { id: true } })) {
      await refreshAlertesForProjet(tx, projet.id);
    }
    let structureSansGestionnaire: string | null = null;
    if (!actif && user.membership?.role === 'GESTIONNAIRE') {
      const autres = await tx.membership.count({
        where: { structureId: user.membership.structureId, role: 'GESTIONNAIRE', userId: { not: user.id }, user: { active: true, anonymizedAt: null } },
      });
      if (autres === 0) structureSansGestionnaire = user.membership.structure.raisonSociale;
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: actif ? 'utilisateur.reactivation' : 'utilisateur.desactivation',
      entityType: 'User',
      entityId: user.id,
      before: { active: user.active, sessionVersion: user.sessionVersion },
      after: { active: actif, sessionVersion: updated[0]!.sessionVersion, ...(reason ? { motif: reason } : {}) },
      ip: opts.ip ?? null,
    });
    await enqueueEmail(tx, {
      to: user.email,
      ...(actif ? compteReactiveEmail({ prenom: user.prenom, url: `${appUrl()}/connexion` }) : compteDesactiveEmail({ prenom: user.prenom, motif: reason })),
    });
    return { nom: `${user.prenom} ${user.nom}`.trim(), email: user.email, active: actif, structureSansGestionnaire };
  });
}

/**
 * « Envoyer un lien de réinitialisation »: the standard reset e-mail (single-use link, 1 hour),
 * within the reset limits (3 an hour per address, 20 an hour per IP); audited.
 */
export async function envoyerLienReinitialisation(actor: CurrentUser, userId: string, opts: Options = {}): Promise<{ nom: string; email: string }> {
  await assertAdmin(actor);
  const user = await db.user.findFirst({
    where: { id: userId, anonymizedAt: null },
    select: { id: true, prenom: true, nom: true, email: true, active: true },
  });
  if (!user) throw new UserFacingError(ADMIN_UTILISATEURS_ERRORS.introuvable);
  if (!user.active) throw new UserFacingError(ADMIN_UTILISATEURS_ERRORS.resetInactif);
  const now = new Date();
  if (await consume(RATE_LIMITS.passwordResetIp, opts.ip ?? 'inconnue', now)) throw new UserFacingError(ADMIN_UTILISATEURS_ERRORS.resetTropParIp);
  if (await consume(RATE_LIMITS.passwordResetEmail, user.email, now)) throw new UserFacingError(ADMIN_UTILISATEURS_ERRORS.resetTropParEmail);
  const token = randomBytes(32).toString('base64url');
  await db.$transaction(async (tx) => {
    // a new link replaces the previous ones, as with « Mot de passe oublié »
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } });
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS) },
    });
    await enqueueEmail(tx, { to: user.email, ...passwordResetEmail({ prenom: user.prenom, url: `${appUrl()}/reinitialiser-mot-de-passe/${token}` }) });
    await writeAudit(tx, { actorId: actor.id, action: 'utilisateur.lien_reinitialisation', entityType: 'User', entityId: user.id, ip: opts.ip ?? null });
  });
  return { nom: `${user.prenom} ${user.nom}`.trim(), email: user.email };
}

/**
 * « Créer un compte administrateur »: only an admin makes another admin (the very first one is
 * made on the server with `npm run admin:create`). The account gets an unusable random password
 * and a reset link by e-mail to choose his own; an existing account is never promoted.
 */
export async function creerAdministrateur(actor: CurrentUser, data: NouvelAdminData, opts: Options = {}): Promise<{ email: string }> {
  await assertAdmin(actor);
  const exists = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (exists) throw new UserFacingError(NOUVEL_ADMIN_MESSAGES.existe, { email: NOUVEL_ADMIN_MESSAGES.existe });
  let created: { id: string };
  try {
    created = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, prenom: data.prenom, nom: data.nom, role: 'ADMIN', passwordHash: await hashPassword(randomBytes(32).toString('base64url')) },
        select: { id: true, numero: true },
      });
      await writeAudit(tx, {
        actorId: actor.id,
        action: 'admin.creation',
        entityType: 'User',
        entityId: user.id,
        after: { numero: user.numero, email: data.email, role: 'ADMIN' },
        ip: opts.ip ?? null,
      });
      return user;
    });
  } catch (error) {
    if ((error as { code?: string } | null)?.code === 'P2002') throw new UserFacingError(NOUVEL_ADMIN_MESSAGES.existe, { email: NOUVEL_ADMIN_MESSAGES.existe });
    throw error;
  }
  await envoyerLienReinitialisation(actor, created.id, opts);
  return { email: data.email };
}
