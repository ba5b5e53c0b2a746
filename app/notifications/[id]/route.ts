import { NextResponse } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { safeCallbackPath } from '@/lib/auth/permissions';
import { openMyNotification } from '@/lib/data/notifications';

export const dynamic = 'force-dynamic';

/**
 * A redirect to a path of this site, with a relative Location: request.url carries the host the
 * server was started with (e.g. localhost for `-H 127.0.0.1`, or an internal name behind a
 * reverse proxy), not the one the browser used, and the session cookie belongs to the latter.
 */
function redirectTo(path: string, status: 303 | 307 = 303) {
  return new NextResponse(null, { status, headers: { Location: path } });
}

/** Opening a notification marks it read, then goes to what it is about (a path of this site only). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user) return redirectTo(`/connexion?callbackUrl=${encodeURIComponent('/notifications')}`, 307);
  const { id } = await params;
  const opened = /^[a-z0-9]{10,40}$/.test(id) ? await openMyNotification(user, id) : null;
  if (!opened) return new NextResponse('Notification introuvable.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return redirectTo(safeCallbackPath(opened.lien) ?? '/notifications');
}
