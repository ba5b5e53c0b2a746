import 'server-only';
import { formatNumero } from '@/lib/format';
import type { StaffUser } from '@/lib/auth/guards';
import type { CurrentUser } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/data/audit';
import { consume, type RateLimitRule } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { lookupEntreprise, type LookupResult } from '@/lib/entreprises/recherche-entreprises';
import { enqueueEmail } from '@/lib/email/send';
import { decisionEmployeurEmail, demandeEmployeurAdminEmail } from '@/lib/email/templates/employeurs';
import { appUrl } from '@/lib/env';
import { UserFacingError } from '@/lib/errors';
import { Prisma, type LienEmployeurStatus } from '@/lib/generated/prisma/client';
import { LIEN_EMPLOYEUR_STATUS_LABELS } from '@/lib/labels';
import { escapeLike, refreshEmployeurSearchText } from '@/lib/search';
import {
  EMPLOYEURS_MESSAGES as M,
  EMPLOYEURS_PAGE_SIZE,
  employeurDecisionSchema,
  type EmployeurData,
  type EmployeurDecision,
} from '@/lib/validations/employeurs';

/**
 * « Suivi des employeurs ».
 *
 * - An employer is ONE record per SIRET on the platform (Employeur), shared by every structure
 *   that works with it; what a structure « follows » is its StructureEmployeur link, validated by
 *   the admin team. Every function for acteurs reads and writes links of the caller's structure only.
 * - Any member (GESTIONNAIRE or UTILISATEUR) of a completed structure manages its employers.
 * - The admin's decision (decideEmployeurLink) checks the admin role itself.
 */

const TX_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** Requests e-mail every admin: a member cannot flood them. */
const DEMANDE_LIMIT: RateLimitRule = { name: 'employeur:demande', max: 30, windowSeconds: 60 * 60 };

export const STATUS_LABEL = LIEN_EMPLOYEUR_STATUS_LABELS;

/**
 * Big webmail providers: sharing one of them is no sign that the employer and the structure are
 * the same organisation (otherwise everyone on gmail.com would be flagged).
 */
export const WEBMAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'orange.fr',
  'wanadoo.fr',
  'free.fr',
  'laposte.net',
  'hotmail.fr',
  'hotmail.com',
  'outlook.fr',
  'outlook.com',
  'live.fr',
  'live.com',
  'msn.com',
  'yahoo.fr',
  'yahoo.com',
  'sfr.fr',
  'neuf.fr',
  'bbox.fr',
  'numericable.fr',
  'aliceadsl.fr',
  'club-internet.fr',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.fr',
  'gmx.com',
  'protonmail.com',
  'proton.me',
]);

export class EmployeursForbiddenError extends UserFacingError {
  constructor() {
    super(M.reserveAdmin);
    this.name = 'EmployeursForbiddenError';
  }
}

export class EmployeurLinkNotFoundError extends UserFacingError {
  constructor() {
    super(M.demandeIntrouvable);
    this.name = 'EmployeurLinkNotFoundError';
  }
}

export interface Options {
  ip?: string | null;
  now?: Date;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

// ───────────────────────────── Pure helpers (exported for tests) ─────────────────────────────

/** « 05 56 00 00 00 », « +33556000000 » → « 0556000000 ». */
export function normalizePhone(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = value.replace(/[\s.\-()]/g, '').replace(/^\+33/, '0').replace(/^0033/, '0');
  return digits === '' ? null : digits;
}

export function emailDomain(email: string | null | undefined): string | null {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 0) return null;
  return email.slice(at + 1).trim().toLowerCase() || null;
}

/** Lower-case, accent-free, punctuation-free: « Saint-Médard-en-Jalles » = « ST MEDARD EN JALLES ». */
export function normalizeName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(st)\b/g, 'saint')
    .replace(/\b(ste)\b/g, 'sainte')
    .trim();
}

export interface AlertesInput {
  structure: { siret: string; email: string | null; telephone: string | null };
  /** Every e-mail of the employer seen in this request (typed and already stored). */
  emails: (string | null | undefined)[];
  telephones: (string | null | undefined)[];
  siret: string;
  raisonSociale: string;
  /** Number of OTHER structures for which this SIRET is already validated. */
  valideAilleurs: number;
  /** The directory's answer at save time (null: not asked). */
  annuaire: LookupResult | null;
}

/**
 * The warnings shown to the admin team with the request. They never block the request: the admin
 * decides. Same e-mail / phone / e-mail domain as the structure (webmail domains ignored), same
 * company as the structure, what the directory said, and whether other structures already work
 * with this employer (informational).
 */
export function computeAlertes(input: AlertesInput): string[] {
  const alertes: string[] = [];
  const structureEmail = input.structure.email?.trim().toLowerCase() || null;
  const emails = [...new Set(input.emails.map((e) => e?.trim().toLowerCase()).filter((e): e is string => Boolean(e)))];

  const sameEmail = structureEmail ? emails.filter((e) => e === structureEmail) : [];
  if (sameEmail.length > 0) {
    alertes.push(`L'adresse e-mail de l'employeur (${sameEmail[0]}) est celle de la structure.`);
  }
  const structureDomain = emailDomain(structureEmail);
  if (structureDomain && !WEBMAIL_DOMAINS.has(structureDomain)) {
    const sameDomain = emails.find((e) => e !== structureEmail && emailDomain(e) === structureDomain);
    if (sameDomain) {
      alertes.push(`L'adresse e-mail de l'employeur (${sameDomain}) a le même nom de domaine (@${structureDomain}) que celle de la structure.`);
    }
  }

  const structurePhone = normalizePhone(input.structure.telephone);
  if (structurePhone && input.telephones.some((t) => normalizePhone(t) === structurePhone)) {
    alertes.push(`Le téléphone de l'employeur (${structurePhone}) est celui de la structure.`);
  }

  if (input.siret === input.structure.siret) {
    alertes.push("Le Siret de l'employeur est celui de la structure.");
  } else if (input.siret.slice(0, 9) === input.structure.siret.slice(0, 9)) {
    alertes.push(`L'employeur appartient à la même entreprise (SIREN ${input.siret.slice(0, 9)}) que la structure.`);
  }

  const annuaire = input.annuaire;
  if (annuaire?.status === 'not_found') {
    alertes.push("Ce Siret est introuvable dans l'annuaire des entreprises : les informations ont été saisies à la main.");
  } else if (annuaire && (annuaire.status === 'unavailable' || annuaire.status === 'rate_limited')) {
    alertes.push("L'annuaire des entreprises n'a pas pu être consulté lors de la demande : les informations saisies n'ont pas été vérifiées.");
  } else if (annuaire?.status === 'found') {
    const e = annuaire.etablissements.find((x) => x.siret === input.siret);
    const typed = normalizeName(input.raisonSociale);
    if (e && typed !== normalizeName(e.raisonSociale) && (!e.nomCommercial || typed !== normalizeName(e.nomCommercial)) && (!e.sigle || typed !== normalizeName(e.sigle))) {
      alertes.push(`La raison sociale saisie (« ${input.raisonSociale} ») diffère de celle de l'annuaire des entreprises (« ${e.raisonSociale} »).`);
    }
  }

  if (input.valideAilleurs > 0) {
    alertes.push(
      input.valideAilleurs === 1
        ? 'Pour information : cet employeur est déjà validé pour 1 autre structure.'
        : `Pour information : cet employeur est déjà validé pour ${input.valideAilleurs} autres structures.`,
    );
  }
  return alertes;
}

// ───────────────────────────── Reading (acteurs) ─────────────────────────────

export interface EmployeurRow {
  id: string;
  status: LienEmployeurStatus;
  motifRefus: string | null;
  requestedAt: Date;
  numero: number;
  siret: string;
  raisonSociale: string;
  ville: string | null;
  codePostal: string | null;
}

/** The search condition: raison sociale, sigle, nom commercial, SIRET (spaces allowed) and numéro (zeros allowed). */
function searchCondition(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.empty;
  const digits = /^[\d\s.\u00a0]+$/.test(q) ? q.replace(/[\s.\u00a0]/g, '') : null;
  const text = digits ?? q;
  const numero = digits && digits.length <= 9 ? Number(digits) : null;
  return Prisma.sql`AND (e."searchText" LIKE '%' || lower(unaccent(${escapeLike(text)})) || '%'${numero !== null ? Prisma.sql` OR e."numero" = ${numero}` : Prisma.empty})`;
}

/** « Suivi des employeurs »: the caller's structure's links, most recent request first. */
export async function listEmployeursFor(user: StaffUser, search: { q?: string; page: number }) {
  const structureId = user.membership.structure.id;
  const condition = searchCondition(search.q);

  const [byStatus, matching] = await Promise.all([
    db.structureEmployeur.groupBy({ by: ['status'], where: { structureId }, _count: { _all: true } }),
    db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count"
      FROM "StructureEmployeur" se JOIN "Employeur" e ON e."id" = se."employeurId"
      WHERE se."structureId" = ${structureId} ${condition}`,
  ]);
  const counts = { EN_ATTENTE: 0, VALIDE: 0, REFUSE: 0 } as Record<LienEmployeurStatus, number>;
  for (const g of byStatus) counts[g.status] = g._count._all;
  const all = counts.EN_ATTENTE + counts.VALIDE + counts.REFUSE;

  const total = matching[0]?.count ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / EMPLOYEURS_PAGE_SIZE));
  const page = Math.min(search.page, pageCount);
  const rows =
    total === 0
      ? []
      : await db.$queryRaw<EmployeurRow[]>`
          SELECT se."id", se."status"::text AS "status", se."motifRefus", se."requestedAt",
                 e."numero", e."siret", e."raisonSociale", e."ville", e."codePostal"
          FROM "StructureEmployeur" se JOIN "Employeur" e ON e."id" = se."employeurId"
          WHERE se."structureId" = ${structureId} ${condition}
          ORDER BY se."requestedAt" DESC, se."id"
          LIMIT ${EMPLOYEURS_PAGE_SIZE} OFFSET ${(page - 1) * EMPLOYEURS_PAGE_SIZE}`;

  return { rows, total, page, pageCount, counts: { ...counts, total: all } };
}

export type EmployeursList = Awaited<ReturnType<typeof listEmployeursFor>>;

/** The request just sent (for the confirmation banner): only a link of the caller's structure. */
export async function findDemandeFor(user: StaffUser, numero: number) {
  if (!Number.isSafeInteger(numero) || numero < 1) return null;
  const link = await db.structureEmployeur.findFirst({
    where: { structureId: user.membership.structure.id, employeur: { numero } },
    select: { status: true, employeur: { select: { raisonSociale: true } } },
  });
  return link ? { status: link.status, raisonSociale: link.employeur.raisonSociale } : null;
}

/** For « Créer une offre »: the employers VALIDATED for the caller's own structure. */
export async function listValidatedEmployeursFor(user: StaffUser) {
  const links = await db.structureEmployeur.findMany({
    where: { structureId: user.membership.structure.id, status: 'VALIDE' },
    orderBy: [{ employeur: { raisonSociale: 'asc' } }, { employeur: { numero: 'asc' } }],
    select: {
      employeur: {
        select: {
          id: true,
          numero: true,
          raisonSociale: true,
          adresse: true,
          complementAdresse: true,
          codePostal: true,
          ville: true,
          communeInsee: true,
        },
      },
    },
  });
  return links.map((l) => l.employeur);
}

export type ValidatedEmployeur = Awaited<ReturnType<typeof listValidatedEmployeursFor>>[number];

/** One employer, only if it is VALIDATED for the caller's structure (to check an offer's employer on save). */
export async function findValidatedEmployeurFor(user: StaffUser, employeurId: string) {
  const link = await db.structureEmployeur.findFirst({
    where: { structureId: user.membership.structure.id, employeurId, status: 'VALIDE' },
    select: { employeur: { select: { id: true, numero: true, raisonSociale: true, adresse: true, complementAdresse: true, codePostal: true, ville: true, communeInsee: true } } },
  });
  return link?.employeur ?? null;
}

// ───────────────────────────── Requesting (acteurs) ─────────────────────────────

interface ResolvedCommune {
  codePostal: string | null;
  ville: string | null;
  communeInsee: string | null;
  departementCode: string | null;
}

function departementFromPostalCode(cp: string): string | null {
  if (cp.startsWith('97') || cp.startsWith('98')) return cp.slice(0, 3);
  if (cp.startsWith('20')) return null; // Corse: 2A or 2B, not told by the postal code alone
  return cp.slice(0, 2);
}

/**
 * The commune of the address: a commune of the referential that has this postal code and the typed
 * name (accents, case, « St » ignored), else the directory's INSEE code if it has this postal code,
 * else the typed name as is (the referential holds Nouvelle-Aquitaine only).
 */
async function resolveCommune(data: EmployeurData): Promise<ResolvedCommune> {
  const ville = data.ville ?? null;
  if (!data.codePostal) return { codePostal: null, ville, communeInsee: null, departementCode: null };
  const candidates = await db.commune.findMany({
    where: { codesPostaux: { has: data.codePostal } },
    select: { code: true, nom: true, departementCode: true },
  });
  const byName = ville ? candidates.find((c) => normalizeName(c.nom) === normalizeName(ville)) : undefined;
  const match = byName ?? (data.communeInsee ? candidates.find((c) => c.code === data.communeInsee) : undefined) ?? (!ville && candidates.length === 1 ? candidates[0] : undefined);
  if (match) return { codePostal: data.codePostal, ville: match.nom, communeInsee: match.code, departementCode: match.departementCode };
  return { codePostal: data.codePostal, ville, communeInsee: null, departementCode: departementFromPostalCode(data.codePostal) };
}

async function dejaSuiviError(structureId: string, employeurSiret: string): Promise<UserFacingError | null> {
  const link = await db.structureEmployeur.findFirst({
    where: { structureId, employeur: { siret: employeurSiret } },
    select: { status: true },
  });
  if (!link) return null;
  const message = M.dejaSuivi(STATUS_LABEL[link.status]);
  return new UserFacingError(message, { siret: message });
}

const FILLABLE = ['sigle', 'nomCommercial', 'codeNaf', 'domaineActivite', 'effectif', 'email', 'telephone'] as const;
const ADDRESS = ['adresse', 'complementAdresse', 'codePostal', 'ville', 'communeInsee', 'departementCode'] as const;

type EmployeurFields = Record<(typeof FILLABLE)[number] | (typeof ADDRESS)[number], string | null>;

const EMPLOYEUR_FIELDS = {
  id: true,
  numero: true,
  siret: true,
  raisonSociale: true,
  etatAdministratif: true,
  sigle: true,
  nomCommercial: true,
  codeNaf: true,
  domaineActivite: true,
  effectif: true,
  email: true,
  telephone: true,
  adresse: true,
  complementAdresse: true,
  codePostal: true,
  ville: true,
  communeInsee: true,
  departementCode: true,
} satisfies Prisma.EmployeurSelect;

export interface DemandeResult {
  linkId: string;
  employeurId: string;
  numero: number;
  raisonSociale: string;
  /** true when this request created the platform's record of this SIRET. */
  created: boolean;
  alertes: string[];
}

/**
 * « Envoyer la demande »: the employer record of this SIRET (created, or the existing one reused),
 * then the EN_ATTENTE link of the caller's structure, the warnings for the admin, the audit and the
 * e-mails to every active admin, in one transaction.
 *
 * The shared record is never overwritten with one member's typing: an existing record only gets
 * its EMPTY fields filled — each of sigle, nom commercial, code NAF, domaine, effectif, e-mail,
 * téléphone on its own, and the address as a whole (only when it has no address, postal code and
 * town at all, so that two sources are never mixed into one address). What was typed is kept in
 * the audit row for the admin team.
 */
export async function requestEmployeur(user: StaffUser, data: EmployeurData, opts: Options = {}): Promise<DemandeResult> {
  const structureId = user.membership.structure.id;
  const now = opts.now ?? new Date();

  const duplicate = await dejaSuiviError(structureId, data.siret);
  if (duplicate) throw duplicate;
  if (await consume(DEMANDE_LIMIT, user.id, now)) throw new UserFacingError(M.tropDeDemandes);

  // a closed establishment is refused; an unreachable directory never blocks (the user typed the fields)
  const existing = await db.employeur.findUnique({ where: { siret: data.siret }, select: { etatAdministratif: true } });
  const annuaire = await lookupEntreprise(db, data.siret);
  if (annuaire.status === 'closed') throw new UserFacingError(annuaire.message, { siret: annuaire.message });
  if (existing?.etatAdministratif === 'F' && annuaire.status !== 'found') {
    const message = "Cet établissement est fermé (cessation d'activité) : il ne peut pas être enregistré.";
    throw new UserFacingError(message, { siret: message });
  }
  const commune = await resolveCommune(data);
  const typed: EmployeurFields = {
    sigle: data.sigle ?? null,
    nomCommercial: data.nomCommercial ?? null,
    codeNaf: data.codeNaf ?? null,
    domaineActivite: data.domaineActivite ?? null,
    effectif: data.effectif ?? null,
    email: data.email ?? null,
    telephone: data.telephone ?? null,
    adresse: data.adresse ?? null,
    complementAdresse: data.complementAdresse ?? null,
    ...commune,
  };
  const etat = annuaire.status === 'found' ? 'A' : null;

  try {
    const result = await db.$transaction(async (tx) => {
      const structure = await tx.structure.findUniqueOrThrow({
        where: { id: structureId },
        select: { siret: true, raisonSociale: true, email: true, telephone: true },
      });

      // one record per SIRET, even when two structures ask at the same moment: INSERT … ON CONFLICT DO NOTHING
      const inserted = await tx.employeur.createMany({
        data: [{ siret: data.siret, siren: data.siret.slice(0, 9), raisonSociale: data.raisonSociale, etatAdministratif: etat, ...typed }],
        skipDuplicates: true,
      });
      const created = inserted.count === 1;
      // the row is locked until the end of the transaction: concurrent fills are serialised
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Employeur" WHERE "siret" = ${data.siret} FOR UPDATE`;
      if (!locked) throw new Error(`Employeur ${data.siret} introuvable après insertion`);
      let employeur = await tx.employeur.findUniqueOrThrow({ where: { id: locked.id }, select: EMPLOYEUR_FIELDS });

      const completed: string[] = [];
      if (!created) {
        const fill: Partial<EmployeurFields> = {};
        for (const k of FILLABLE) if (employeur[k] === null && typed[k] !== null) fill[k] = typed[k];
        if (!employeur.adresse && !employeur.codePostal && !employeur.ville && (typed.adresse || typed.codePostal || typed.ville)) {
          for (const k of ADDRESS) if (typed[k] !== null) fill[k] = typed[k];
        }
        completed.push(...Object.keys(fill));
        const update: Prisma.EmployeurUpdateInput = { ...fill };
        if (etat && employeur.etatAdministratif !== etat) update.etatAdministratif = etat;
        if (Object.keys(update).length > 0) {
          employeur = await tx.employeur.update({ where: { id: employeur.id }, data: update, select: EMPLOYEUR_FIELDS });
        }
      }
      await refreshEmployeurSearchText(tx, employeur.id);

      const valideAilleurs = await tx.structureEmployeur.count({
        where: { employeurId: employeur.id, status: 'VALIDE', structureId: { not: structureId } },
      });
      const alertes = computeAlertes({
        structure,
        emails: [data.email, employeur.email],
        telephones: [data.telephone, employeur.telephone],
        siret: data.siret,
        raisonSociale: data.raisonSociale,
        valideAilleurs,
        annuaire,
      });
      if (!created && normalizeName(employeur.raisonSociale) !== normalizeName(data.raisonSociale)) {
        alertes.push(`La raison sociale saisie (« ${data.raisonSociale} ») diffère de celle déjà enregistrée sur la plateforme (« ${employeur.raisonSociale} »).`);
      }

      const link = await tx.structureEmployeur.create({
        data: { structureId, employeurId: employeur.id, status: 'EN_ATTENTE', alertes, requestedById: user.id, requestedAt: now },
        select: { id: true },
      });

      await writeAudit(tx, {
        actorId: user.id,
        action: 'employeur.demande',
        entityType: 'StructureEmployeur',
        entityId: link.id,
        after: {
          structureId,
          employeurId: employeur.id,
          siret: data.siret,
          numero: employeur.numero,
          status: 'EN_ATTENTE',
          employeurCree: created,
          champsCompletes: completed,
          annuaire: annuaire.status,
          alertes,
          saisie: { ...data },
        },
        ip: opts.ip ?? null,
      });

      const admins = await tx.user.findMany({
        where: { role: 'ADMIN', active: true, anonymizedAt: null },
        select: { id: true, email: true, prenom: true },
      });
      const demandeur = `${user.prenom} ${user.nom}`.trim();
      for (const admin of admins) {
        await enqueueEmail(tx, {
          to: admin.email,
          idempotencyKey: `employeur-demande:${link.id}:${admin.id}`,
          ...demandeEmployeurAdminEmail({
            prenom: admin.prenom,
            structure: structure.raisonSociale,
            demandeur,
            raisonSociale: employeur.raisonSociale,
            siret: employeur.siret,
            numero: formatNumero('employeur', employeur.numero),
            ville: employeur.ville,
            alertes,
            url: `${appUrl()}/admin/employeurs`,
          }),
        });
      }

      return { linkId: link.id, employeurId: employeur.id, numero: employeur.numero, raisonSociale: employeur.raisonSociale, created, alertes };
    }, TX_OPTIONS);
    return result;
  } catch (error) {
    if (isUniqueViolation(error)) {
      // the same structure asked for the same SIRET twice at the same moment: the other one won
      const duplicateNow = await dejaSuiviError(structureId, data.siret);
      if (duplicateNow) throw duplicateNow;
    }
    throw error;
  }
}

// ───────────────────────────── Deciding (admin team) ─────────────────────────────

export interface DecisionResult {
  linkId: string;
  status: 'VALIDE' | 'REFUSE';
  structureId: string;
  raisonSociale: string;
  /** Members e-mailed. */
  notified: number;
}

/**
 * Validates or refuses a pending request. Only an active ADMIN may (checked here, whatever called
 * it); only EN_ATTENTE → VALIDE | REFUSE, atomically (a second decision, even concurrent, is
 * refused); a refusal needs its reason. Audited; every active member of the structure is e-mailed.
 */
export async function decideEmployeurLink(actor: CurrentUser, linkId: string, decision: EmployeurDecision, opts: Options = {}): Promise<DecisionResult> {
  if (!actor || actor.role !== 'ADMIN') throw new EmployeursForbiddenError();
  const parsed = employeurDecisionSchema.safeParse(decision);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? M.motifObligatoire;
    throw new UserFacingError(message, { motif: message });
  }
  const d = parsed.data;
  if (typeof linkId !== 'string' || linkId.length === 0 || linkId.length > 64) throw new EmployeurLinkNotFoundError();
  const now = opts.now ?? new Date();

  return db.$transaction(async (tx) => {
    // the role is read again from the database: a deactivated or demoted admin decides nothing
    const admin = await tx.user.findFirst({ where: { id: actor.id, role: 'ADMIN', active: true }, select: { id: true } });
    if (!admin) throw new EmployeursForbiddenError();

    const motifRefus = d.status === 'REFUSE' ? d.motif : null;
    const { count } = await tx.structureEmployeur.updateMany({
      where: { id: linkId, status: 'EN_ATTENTE' },
      data: { status: d.status, motifRefus, decidedById: actor.id, decidedAt: now },
    });
    const link = await tx.structureEmployeur.findUnique({
      where: { id: linkId },
      select: {
        id: true,
        status: true,
        structureId: true,
        structure: { select: { raisonSociale: true } },
        employeur: { select: { id: true, raisonSociale: true, siret: true, numero: true } },
      },
    });
    if (!link) throw new EmployeurLinkNotFoundError();
    if (count === 0) throw new UserFacingError(M.dejaDecidee(STATUS_LABEL[link.status]));

    await writeAudit(tx, {
      actorId: actor.id,
      action: d.status === 'VALIDE' ? 'employeur.validation' : 'employeur.refus',
      entityType: 'StructureEmployeur',
      entityId: link.id,
      before: { status: 'EN_ATTENTE', motifRefus: null, decidedById: null, decidedAt: null },
      after: { status: d.status, motifRefus, decidedById: actor.id, decidedAt: now.toISOString(), structureId: link.structureId, employeurId: link.employeur.id, siret: link.employeur.siret },
      ip: opts.ip ?? null,
    });

    const members = await tx.membership.findMany({
      where: { structureId: link.structureId, user: { active: true, anonymizedAt: null } },
      select: { user: { select: { id: true, email: true, prenom: true } } },
    });
    for (const { user } of members) {
      await enqueueEmail(tx, {
        to: user.email,
        idempotencyKey: `employeur-decision:${link.id}:${user.id}`,
        ...decisionEmployeurEmail({
          prenom: user.prenom,
          structure: link.structure.raisonSociale,
          raisonSociale: link.employeur.raisonSociale,
          siret: link.employeur.siret,
          decision: d.status === 'VALIDE' ? { status: 'VALIDE' } : { status: 'REFUSE', motif: d.motif },
          url: `${appUrl()}/mes-offres/employeurs`,
        }),
      });
    }
    return { linkId: link.id, status: d.status, structureId: link.structureId, raisonSociale: link.employeur.raisonSociale, notified: members.length };
  }, TX_OPTIONS);
}
