import 'server-only';
import type { StaffUser } from '@/lib/auth/guards';
import { canManageUsers, type CurrentUser } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/data/audit';
import { consume, type RateLimitRule } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { LOOKUP_MESSAGES, lookupEntreprise, type LookupResult } from '@/lib/entreprises/recherche-entreprises';
import { UserFacingError } from '@/lib/errors';
import type { StructureData } from '@/lib/validations/structure';

export const DUPLICATE_SIRET_MESSAGE =
  'Cette structure est déjà inscrite sur CMonAlternance. Demandez à son gestionnaire de vous ajouter depuis « Utilisateurs de ma structure ».';
export const ALREADY_MEMBER_MESSAGE = 'Vous êtes déjà membre d’une structure : vous ne pouvez pas en créer une autre.';
export const UNKNOWN_COMMUNE_MESSAGE = 'Choisissez une commune de Nouvelle-Aquitaine correspondant à ce code postal.';

/** The API allows about 7 requests/s for the whole server's IP: keep under it, and per user. */
export const LOOKUP_LIMITS = {
  global: { name: 'siret:global', max: 5, windowSeconds: 1 },
  user: { name: 'siret:user', max: 30, windowSeconds: 10 * 60 },
} satisfies Record<string, RateLimitRule>;

export async function lookupSiretFor(user: CurrentUser, raw: string): Promise<LookupResult> {
  if ((await consume(LOOKUP_LIMITS.user, user.id)) || (await consume(LOOKUP_LIMITS.global, 'tous'))) {
    return { status: 'rate_limited', message: LOOKUP_MESSAGES.rateLimited };
  }
  return lookupEntreprise(db, raw);
}

export async function communesForPostalCode(codePostal: string) {
  return db.commune.findMany({
    where: { codesPostaux: { has: codePostal } },
    select: { code: true, nom: true },
    orderBy: { nom: 'asc' },
  });
}

async function resolveCommune(data: StructureData) {
  const commune = await db.commune.findFirst({
    where: { code: data.communeInsee, codesPostaux: { has: data.codePostal } },
    select: { nom: true, departementCode: true },
  });
  if (!commune) throw new UserFacingError(UNKNOWN_COMMUNE_MESSAGE, { communeInsee: UNKNOWN_COMMUNE_MESSAGE });
  return commune;
}

/** A closed establishment is refused; an unreachable directory never blocks (the user typed the fields). */
async function assertNotClosed(siret: string) {
  const result = await lookupEntreprise(db, siret);
  if (result.status === 'closed') throw new UserFacingError(result.message, { siret: result.message });
}

function fieldsOf(data: StructureData, commune: { nom: string; departementCode: string }) {
  return {
    raisonSociale: data.raisonSociale,
    sigle: data.sigle ?? null,
    type: data.type,
    codeNaf: data.codeNaf ?? null,
    domaineActivite: data.domaineActivite ?? null,
    effectif: data.effectif ?? null,
    adresse: data.adresse,
    complementAdresse: data.complementAdresse ?? null,
    codePostal: data.codePostal,
    communeInsee: data.communeInsee,
    commune: commune.nom,
    departementCode: commune.departementCode,
    telephone: data.telephone ?? null,
    email: data.email ?? null,
    accueilStagiaires3e: data.accueilStagiaires3e,
    accueilStagiaires2de: data.accueilStagiaires2de,
  };
}

function isUniqueViolation(error: unknown, field?: string): boolean {
  const e = error as { code?: string; meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: string[] } } } } };
  if (e?.code !== 'P2002') return false;
  if (!field) return true;
  const target = JSON.stringify(e.meta ?? {});
  return target.includes(field);
}

/** First sign-in: the acteur creates his structure and becomes its GESTIONNAIRE, in one transaction. */
export async function createStructureFor(user: CurrentUser, data: StructureData, ip: string) {
  if (user.role !== 'ACTEUR') throw new UserFacingError('Seul un acteur de la formation et de l’insertion peut créer une structure.');
  if (user.membership) throw new UserFacingError(ALREADY_MEMBER_MESSAGE);
  const commune = await resolveCommune(data);
  if (await db.structure.findUnique({ where: { siret: data.siret }, select: { id: true } })) {
    throw new UserFacingError(DUPLICATE_SIRET_MESSAGE, { siret: DUPLICATE_SIRET_MESSAGE });
  }
  await assertNotClosed(data.siret);
  try {
    return await db.$transaction(async (tx) => {
      const structure = await tx.structure.create({
        data: { siret: data.siret, siren: data.siret.slice(0, 9), ...fieldsOf(data, commune), completedAt: new Date() },
        select: { id: true, numero: true },
      });
      await tx.membership.create({ data: { userId: user.id, structureId: structure.id, role: 'GESTIONNAIRE' } });
      await writeAudit(tx, {
        actorId: user.id,
        action: 'structure.creation',
        entityType: 'Structure',
        entityId: structure.id,
        after: { siret: data.siret, ...fieldsOf(data, commune) },
        ip,
      });
      return structure;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'siret')) throw new UserFacingError(DUPLICATE_SIRET_MESSAGE, { siret: DUPLICATE_SIRET_MESSAGE });
    if (isUniqueViolation(error, 'userId')) throw new UserFacingError(ALREADY_MEMBER_MESSAGE);
    throw error;
  }
}

export const GESTIONNAIRE_ONLY_EDIT_MESSAGE = 'Seul le gestionnaire peut modifier les informations de la structure.';

/** Later edits: the gestionnaire only; the SIRET identifies the structure and does not change. */
export async function updateMyStructure(user: StaffUser, data: StructureData, ip: string) {
  if (!canManageUsers(user)) throw new UserFacingError(GESTIONNAIRE_ONLY_EDIT_MESSAGE);
  const structureId = user.membership.structure.id;
  const commune = await resolveCommune(data);
  const fields = fieldsOf(data, commune);
  await db.$transaction(async (tx) => {
    const before = await tx.structure.findUniqueOrThrow({ where: { id: structureId }, select: Object.fromEntries(Object.keys(fields).map((k) => [k, true])) });
    await tx.structure.update({ where: { id: structureId }, data: fields });
    await writeAudit(tx, { actorId: user.id, action: 'structure.modification', entityType: 'Structure', entityId: structureId, before, after: fields, ip });
  });
}
