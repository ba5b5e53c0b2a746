import 'server-only';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';
import { canManageUsers, type CurrentUser, type MembershipRole } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/data/audit';
import { hashToken } from '@/lib/data/auth';
import { db } from '@/lib/db';
import { enqueueEmail } from '@/lib/email/send';
import {
  droitsRecusEmail,
  droitsTransferesEmail,
  invitationAccepteeAvisEmail,
  invitationAccepteeEmail,
  invitationAnnuleeEmail,
  invitationEmail,
  membreAjouteEmail,
  membreRetireEmail,
} from '@/lib/email/templates/membres';
import { appUrl } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import type { Prisma } from '@/lib/generated/prisma/client';
import { INVITATION_TTL_DAYS, MEMBRES_MESSAGES as M } from '@/lib/validations/membres';

/**
 * « Utilisateurs de ma structure ». Every function takes the caller (CurrentUser, read from the
 * database by the guards) and:
 *  - refuses anyone but a gestionnaire of a completed, active structure (canManageUsers);
 *  - only ever reads or writes rows of the caller's own structure (a foreign number is « introuvable »);
 *  - for every change, takes the structure's lock, re-reads the caller's role and the members
 *    inside the transaction, and checks that the structure keeps at least one gestionnaire.
 */

/** The caller is not (or no longer) a gestionnaire of the structure. */
export class MembresForbiddenError extends UserFacingError {
  constructor() {
    super(M.reserveAuGestionnaire);
    this.name = 'MembresForbiddenError';
  }
}

/** A member number or invitation that is not in the caller's structure (whether it exists elsewhere or not). */
export class MembreNotFoundError extends UserFacingError {
  constructor(message: string = M.membreIntrouvable) {
    super(message);
    this.name = 'MembreNotFoundError';
  }
}

export const INVITATION_TTL_MS = INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000;

/** Interactive transactions here wait on the structure's lock: give them room. */
const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

type Tx = Prisma.TransactionClient;
type Manager = CurrentUser & { membership: NonNullable<CurrentUser['membership']> };

export interface Options {
  now?: Date;
  ip?: string | null;
}

function assertManager(user: CurrentUser | null): asserts user is Manager {
  if (!user || !canManageUsers(user) || !user.membership) throw new MembresForbiddenError();
}

function fullName(u: { prenom: string; nom: string }): string {
  return `${u.prenom} ${u.nom}`.trim();
}

interface LockedMember {
  id: string;
  userId: string;
  role: MembershipRole;
}

/**
 * Serializes every change of the structure's members: the Structure row is locked (FOR NO KEY
 * UPDATE, so foreign-key inserts elsewhere — offers, … — are not blocked), then its membership
 * rows (FOR UPDATE, in a fixed order). Both reads run after the lock is granted, so under READ
 * COMMITTED they see what a concurrent transaction that held the lock has committed.
 * The caller must still be a gestionnaire of it.
 */
async function lockStructure(tx: Tx, user: Manager) {
  const structureId = user.membership.structure.id;
  const structures = await tx.$queryRaw<{ id: string; raisonSociale: string }[]>`
    SELECT "id", "raisonSociale" FROM "Structure" WHERE "id" = ${structureId} FOR NO KEY UPDATE`;
  const structure = structures[0];
  if (!structure) throw new MembresForbiddenError();
  const members = await tx.$queryRaw<LockedMember[]>`
    SELECT "id", "userId", "role"::text AS "role" FROM "Membership"
    WHERE "structureId" = ${structureId} ORDER BY "id" FOR UPDATE`;
  const me = members.find((m) => m.userId === user.id);
  if (!me || me.role !== 'GESTIONNAIRE') throw new MembresForbiddenError();
  return { structure, members, me };
}

/** The invariant: a structure never ends with zero gestionnaires. */
function assertKeepsAGestionnaire(members: LockedMember[], changes: Map<string, MembershipRole | null>) {
  const after = members.map((m) => (changes.has(m.id) ? changes.get(m.id) : m.role)).filter((r) => r === 'GESTIONNAIRE');
  if (after.length === 0) throw new UserFacingError(M.dernierGestionnaire);
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

// ───────────────────────────── Reading ─────────────────────────────

export async function listMembres(user: CurrentUser, now = new Date()) {
  assertManager(user);
  const structureId = user.membership.structure.id;
  const [membres, invitations] = await Promise.all([
    db.membership.findMany({
      where: { structureId },
      orderBy: [{ role: 'asc' }, { user: { numero: 'asc' } }],
      select: { role: true, user: { select: { id: true, numero: true, prenom: true, nom: true, email: true } } },
    }),
    db.invitation.findMany({
      where: { structureId, acceptedAt: null, expiresAt: { gt: now } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, email: true, role: true, expiresAt: true },
    }),
  ]);
  return {
    membres: membres.map((m) => ({
      numero: m.user.numero,
      role: m.role,
      prenom: m.user.prenom,
      nom: m.user.nom,
      email: m.user.email,
      estMoi: m.user.id === user.id,
    })),
    invitations,
  };
}

export type MembresList = Awaited<ReturnType<typeof listMembres>>;

// ───────────────────────────── Adding ─────────────────────────────

export type AddMembreResult =
  | { kind: 'ajoute'; numero: number; email: string; role: MembershipRole }
  | { kind: 'invite'; email: string; role: MembershipRole; expiresAt: Date };

/**
 * « 1 AJOUTER UN GESTIONNAIRE »: an acteur account without structure joins at once; an unknown
 * e-mail receives a single-use invitation link valid 7 days; anyone else is refused without
 * saying which structure he belongs to.
 */
export async function addMembre(
  user: CurrentUser,
  input: { email: string; role: MembershipRole },
  opts: Options = {},
): Promise<AddMembreResult> {
  assertManager(user);
  const now = opts.now ?? new Date();
  const email = input.email.trim().toLowerCase();
  const inviteur = fullName(user);
  try {
    return await db.$transaction(async (tx) => {
      const { structure } = await lockStructure(tx, user);
      const structureId = structure.id;
      const target = await tx.user.findUnique({
        where: { email },
        select: {
          id: true,
          numero: true,
          role: true,
          prenom: true,
          active: true,
          anonymizedAt: true,
          membership: { select: { structureId: true } },
        },
      });

      if (target) {
        if (target.membership?.structureId === structureId) throw new UserFacingError(M.dejaMembreIci, { email: M.dejaMembreIci });
        if (target.role !== 'ACTEUR') throw new UserFacingError(M.pasUnActeur, { email: M.pasUnActeur });
        if (!target.active || target.anonymizedAt) throw new UserFacingError(M.compteInactif, { email: M.compteInactif });
        if (target.membership) throw new UserFacingError(M.dejaMembreAilleurs, { email: M.dejaMembreAilleurs });

        const membership = await tx.membership.create({
          data: { userId: target.id, structureId, role: input.role },
          select: { id: true },
        });
        // an invitation sent earlier to the same address is now pointless
        await tx.invitation.deleteMany({ where: { structureId, email, acceptedAt: null } });
        await writeAudit(tx, {
          actorId: user.id,
          action: 'membre.ajout',
          entityType: 'Membership',
          entityId: membership.id,
          before: null,
          after: { structureId, userId: target.id, numero: target.numero, email, role: input.role },
          ip: opts.ip,
        });
        await enqueueEmail(tx, {
          to: email,
          ...membreAjouteEmail({ prenom: target.prenom, structure: structure.raisonSociale, role: input.role, inviteur, url: `${appUrl()}/mon-espace` }),
        });
        return { kind: 'ajoute' as const, numero: target.numero, email, role: input.role };
      }

      // unknown e-mail: a new invitation replaces the pending ones for the same address
      const replaced = await tx.invitation.findMany({
        where: { structureId, email, acceptedAt: null },
        select: { id: true, role: true, expiresAt: true },
      });
      if (replaced.length > 0) await tx.invitation.deleteMany({ where: { id: { in: replaced.map((r) => r.id) } } });
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
      const invitation = await tx.invitation.create({
        data: { structureId, email, role: input.role, tokenHash: hashToken(token), invitedById: user.id, expiresAt, createdAt: now },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: user.id,
        action: 'membre.invitation',
        entityType: 'Invitation',
        entityId: invitation.id,
        before: replaced.length > 0 ? { remplacees: replaced.map((r) => ({ id: r.id, role: r.role, expiresAt: r.expiresAt.toISOString() })) } : null,
        after: { structureId, email, role: input.role, expiresAt: expiresAt.toISOString() },
        ip: opts.ip,
      });
      await enqueueEmail(tx, {
        to: email,
        ...invitationEmail({
          structure: structure.raisonSociale,
          role: input.role,
          inviteur,
          url: `${appUrl()}/invitation/${token}`,
          expiresLe: formatDate(expiresAt),
        }),
      });
      return { kind: 'invite' as const, email, role: input.role, expiresAt };
    }, TX_OPTIONS);
  } catch (error) {
    // the same acteur added by two structures at the same moment: Membership.userId is unique
    if (isUniqueViolation(error)) throw new UserFacingError(M.dejaMembreAilleurs, { email: M.dejaMembreAilleurs });
    throw error;
  }
}

/** « Annuler l'invitation »: the link stops working at once. */
export async function cancelInvitation(user: CurrentUser, invitationId: string, opts: Options = {}): Promise<{ email: string }> {
  assertManager(user);
  return db.$transaction(async (tx) => {
    const { structure } = await lockStructure(tx, user);
    const invitation = await tx.invitation.findFirst({
      where: { id: invitationId, structureId: structure.id, acceptedAt: null },
      select: { id: true, email: true, role: true, expiresAt: true },
    });
    if (!invitation) throw new MembreNotFoundError(M.invitationIntrouvable);
    await tx.invitation.delete({ where: { id: invitation.id } });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'membre.invitation_annulee',
      entityType: 'Invitation',
      entityId: invitation.id,
      before: { structureId: structure.id, email: invitation.email, role: invitation.role, expiresAt: invitation.expiresAt.toISOString() },
      after: null,
      ip: opts.ip,
    });
    await enqueueEmail(tx, { to: invitation.email, ...invitationAnnuleeEmail({ structure: structure.raisonSociale }) });
    return { email: invitation.email };
  }, TX_OPTIONS);
}

// ───────────────────────────── Removing, transferring ─────────────────────────────

async function findMember(tx: Tx, structureId: string, numero: number) {
  const member = await tx.membership.findFirst({
    where: { structureId, user: { numero } },
    select: { id: true, role: true, userId: true, user: { select: { numero: true, email: true, prenom: true, nom: true } } },
  });
  if (!member) throw new MembreNotFoundError();
  return member;
}

/**
 * « Retirer de la structure »: never oneself, never the last gestionnaire. The removed user
 * loses access at once (membership deleted, sessions revoked by bumping sessionVersion).
 */
export async function removeMembre(user: CurrentUser, numero: number, opts: Options = {}): Promise<{ numero: number; email: string }> {
  assertManager(user);
  return db.$transaction(async (tx) => {
    const { structure, members } = await lockStructure(tx, user);
    const target = await findMember(tx, structure.id, numero);
    if (target.userId === user.id) {
      const gestionnaires = members.filter((m) => m.role === 'GESTIONNAIRE').length;
      throw new UserFacingError(gestionnaires <= 1 ? M.dernierGestionnaire : M.retraitSoiMeme);
    }
    assertKeepsAGestionnaire(members, new Map([[target.id, null]]));

    await tx.membership.delete({ where: { id: target.id } });
    await tx.user.update({ where: { id: target.userId }, data: { sessionVersion: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'membre.retrait',
      entityType: 'Membership',
      entityId: target.id,
      before: { structureId: structure.id, userId: target.userId, numero: target.user.numero, email: target.user.email, role: target.role },
      after: null,
      ip: opts.ip,
    });
    await enqueueEmail(tx, { to: target.user.email, ...membreRetireEmail({ prenom: target.user.prenom, structure: structure.raisonSociale }) });
    return { numero: target.user.numero, email: target.user.email };
  }, TX_OPTIONS);
}

/**
 * « 2 TRANSFÉRER MES DROITS »: the selected UTILISATEUR becomes GESTIONNAIRE and the caller
 * becomes UTILISATEUR, in one transaction.
 */
export async function transferRights(user: CurrentUser, numero: number, opts: Options = {}): Promise<{ numero: number }> {
  assertManager(user);
  return db.$transaction(async (tx) => {
    const { structure, members, me } = await lockStructure(tx, user);
    const target = await findMember(tx, structure.id, numero);
    if (target.userId === user.id) throw new UserFacingError(M.transfertSoiMeme);
    if (target.role === 'GESTIONNAIRE') throw new UserFacingError(M.transfertDejaGestionnaire);
    assertKeepsAGestionnaire(
      members,
      new Map<string, MembershipRole>([
        [target.id, 'GESTIONNAIRE'],
        [me.id, 'UTILISATEUR'],
      ]),
    );

    await tx.membership.update({ where: { id: target.id }, data: { role: 'GESTIONNAIRE' } });
    await tx.membership.update({ where: { id: me.id }, data: { role: 'UTILISATEUR' } });
    await writeAudit(tx, {
      actorId: user.id,
      action: 'membre.transfert_droits',
      entityType: 'Structure',
      entityId: structure.id,
      before: {
        membres: [
          { userId: user.id, numero: user.numero, role: 'GESTIONNAIRE' },
          { userId: target.userId, numero: target.user.numero, role: 'UTILISATEUR' },
        ],
      },
      after: {
        membres: [
          { userId: user.id, numero: user.numero, role: 'UTILISATEUR' },
          { userId: target.userId, numero: target.user.numero, role: 'GESTIONNAIRE' },
        ],
      },
      ip: opts.ip,
    });
    await enqueueEmail(tx, {
      to: target.user.email,
      ...droitsRecusEmail({
        prenom: target.user.prenom,
        structure: structure.raisonSociale,
        ancien: fullName(user),
        url: `${appUrl()}/mon-compte/utilisateurs`,
      }),
    });
    await enqueueEmail(tx, {
      to: user.email,
      ...droitsTransferesEmail({ prenom: user.prenom, structure: structure.raisonSociale, nouveau: fullName(target.user) }),
    });
    return { numero: target.user.numero };
  }, TX_OPTIONS);
}

// ───────────────────────────── Invitation link (public) ─────────────────────────────

export type InvitationView =
  | { status: 'valide'; email: string; role: MembershipRole; structure: string; inviteur: string; expiresAt: Date }
  | { status: 'inconnue' | 'expiree' | 'utilisee' };

export function invitationProblemMessage(status: 'inconnue' | 'expiree' | 'utilisee'): string {
  return status === 'expiree' ? M.invitationExpiree : status === 'utilisee' ? M.invitationUtilisee : M.invitationInconnue;
}

/** What the invitation page shows; the token itself is never stored, only its SHA-256. */
export async function getInvitation(token: string, now = new Date()): Promise<InvitationView> {
  if (!token || token.length > 200) return { status: 'inconnue' };
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      structure: { select: { raisonSociale: true } },
      invitedBy: { select: { prenom: true, nom: true } },
    },
  });
  if (!row) return { status: 'inconnue' };
  if (row.acceptedAt) return { status: 'utilisee' };
  if (row.expiresAt <= now) return { status: 'expiree' };
  return {
    status: 'valide',
    email: row.email,
    role: row.role,
    structure: row.structure.raisonSociale,
    inviteur: fullName(row.invitedBy),
    expiresAt: row.expiresAt,
  };
}

/**
 * Creates the acteur account with the invited e-mail, joins the structure with the invited role
 * and uses the invitation, all in one transaction (nothing is written if any step fails).
 */
export async function acceptInvitation(
  input: { token: string; prenom: string; nom: string; telephone?: string; password: string },
  opts: Options = {},
): Promise<{ email: string; userId: string }> {
  const now = opts.now ?? new Date();
  const view = await getInvitation(input.token, now);
  if (view.status !== 'valide') throw new UserFacingError(invitationProblemMessage(view.status));
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      // claims the invitation atomically: a second use (even at the same moment) finds nothing
      const claimed = await tx.invitation.updateManyAndReturn({
        where: { tokenHash: hashToken(input.token), acceptedAt: null, expiresAt: { gt: now } },
        data: { acceptedAt: now },
        select: { id: true, email: true, role: true, structureId: true, invitedById: true },
      });
      const invitation = claimed[0];
      if (!invitation) throw new UserFacingError(M.invitationUtilisee);
      const structures = await tx.$queryRaw<{ id: string; raisonSociale: string }[]>`
        SELECT "id", "raisonSociale" FROM "Structure" WHERE "id" = ${invitation.structureId} FOR NO KEY UPDATE`;
      const structure = structures[0];
      if (!structure) throw new UserFacingError(M.invitationInconnue);
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
        throw new UserFacingError(M.compteExistant);
      }

      const user = await tx.user.create({
        data: {
          email: invitation.email,
          passwordHash,
          role: 'ACTEUR',
          prenom: input.prenom,
          nom: input.nom,
          telephone: input.telephone ?? null,
        },
        select: { id: true, numero: true },
      });
      const membership = await tx.membership.create({
        data: { userId: user.id, structureId: structure.id, role: invitation.role },
        select: { id: true },
      });
      await writeAudit(tx, { actorId: user.id, action: 'compte.creation', entityType: 'User', entityId: user.id, ip: opts.ip });
      await writeAudit(tx, {
        actorId: user.id,
        action: 'membre.invitation_acceptee',
        entityType: 'Invitation',
        entityId: invitation.id,
        before: { acceptedAt: null },
        after: {
          acceptedAt: now.toISOString(),
          structureId: structure.id,
          membershipId: membership.id,
          userId: user.id,
          numero: user.numero,
          email: invitation.email,
          role: invitation.role,
        },
        ip: opts.ip,
      });
      await enqueueEmail(tx, {
        to: invitation.email,
        ...invitationAccepteeEmail({ prenom: input.prenom, structure: structure.raisonSociale, role: invitation.role, url: `${appUrl()}/mon-espace` }),
      });
      const inviteur = await tx.user.findUnique({
        where: { id: invitation.invitedById },
        select: { email: true, prenom: true, active: true, anonymizedAt: true },
      });
      if (inviteur && inviteur.active && !inviteur.anonymizedAt) {
        await enqueueEmail(tx, {
          to: inviteur.email,
          ...invitationAccepteeAvisEmail({
            prenom: inviteur.prenom,
            membre: fullName(input),
            email: invitation.email,
            structure: structure.raisonSociale,
            role: invitation.role,
            url: `${appUrl()}/mon-compte/utilisateurs`,
          }),
        });
      }
      return { email: invitation.email, userId: user.id };
    }, TX_OPTIONS);
  } catch (error) {
    if (isUniqueViolation(error)) throw new UserFacingError(M.compteExistant);
    throw error;
  }
}
