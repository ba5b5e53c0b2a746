import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { safeCallbackPath } from '@/lib/auth/permissions';
import { openMyNotification } from '@/lib/data/notifications';

export const dynamic = 'force-dynamic';

/** Opening a notification marks it read, then goes to what it is about (a path of this site only). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  const base = new URL(request.url);
  if (!user) return NextResponse.redirect(new URL(`/connexion?callbackUrl=${encodeURIComponent('/notifications')}`, base));
  const { id } = await params;
  const opened = /^[a-z0-9]{10,40}$/.test(id) ? await openMyNotification(user, id) : null;
  if (!opened) return new NextResponse('Notification introuvable.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return NextResponse.redirect(new URL(safeCallbackPath(opened.lien) ?? '/notifications', base), 303);
}
