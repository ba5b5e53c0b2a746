import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { DbClient } from '@/lib/prisma-client';

type AuditWriter = Pick<DbClient, 'auditLog'> | Prisma.TransactionClient;

export interface AuditEntry {
  actorId: string | null;
  /** dotted verb, e.g. 'structure.creation', 'membre.transfert_droits' */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
}

/** Writes one audit row; call it with the transaction client of the change it records. */
export async function writeAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      ip: entry.ip ?? null,
    },
  });
}
