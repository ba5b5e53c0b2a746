import 'server-only';
import { cache } from 'react';
import type { CurrentUser } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import type { NotificationType, Prisma } from '@/lib/generated/prisma/client';

/** In-app notifications: each user reads and marks only his own. */

export const NOTIFICATIONS_PAGE_SIZE = 20;

type Writer = Pick<Prisma.TransactionClient, 'notification'>;

export async function createNotification(
  tx: Writer,
  input: { userId: string; type: NotificationType; titre: string; corps?: string | null; lien?: string | null },
): Promise<void> {
  await tx.notification.create({
    data: { userId: input.userId, type: input.type, titre: input.titre.slice(0, 300), corps: input.corps?.slice(0, 4000) ?? null, lien: input.lien ?? null },
  });
}

/** The header's badge: one indexed count per request (React cache). */
export const countUnreadNotifications = cache(async (userId: string): Promise<number> => {
  return db.notification.count({ where: { userId, readAt: null } });
});

export async function listMyNotifications(user: Pick<CurrentUser, 'id'>, page: number) {
  const where = { userId: user.id };
  const [total, items] = await Promise.all([
    db.notification.count({ where }),
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      take: NOTIFICATIONS_PAGE_SIZE,
      select: { id: true, type: true, titre: true, corps: true, lien: true, readAt: true, createdAt: true },
    }),
  ]);
  return { total, items, pages: Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE)) };
}

/** Marks one of the user's notifications read; returns its link (null when not his). */
export async function openMyNotification(user: Pick<CurrentUser, 'id'>, id: string): Promise<{ lien: string | null } | null> {
  const n = await db.notification.findFirst({ where: { id, userId: user.id }, select: { id: true, lien: true, readAt: true } });
  if (!n) return null;
  if (!n.readAt) await db.notification.update({ where: { id: n.id }, data: { readAt: new Date() } });
  return { lien: n.lien };
}

export async function markAllMyNotificationsRead(user: Pick<CurrentUser, 'id'>): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
  return count;
}
