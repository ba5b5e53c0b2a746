import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { db } from '@/lib/db';

/**
 * First line of defence only — the guards check again on every page and every action:
 *  - signed-out visitors of private areas go to « Se connecter » (the session cookie is looked
 *    for, not validated; it is never re-issued here, so no refresh can race a sign-out);
 *  - « Utilisateurs de ma structure » is the gestionnaire's only: anyone else is sent home with
 *    the guide's message (the role is read from the database, never from the cookie).
 */
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const GESTIONNAIRE_ONLY = '/mon-compte/utilisateurs';

function hasSessionCookie(req: NextRequest): boolean {
  return req.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((c) => name === c || name.startsWith(`${c}.`)));
}

async function membershipRole(req: NextRequest): Promise<string | null | undefined> {
  const token = await getToken({ req, secret: process.env.AUTH_SECRET, secureCookie: req.nextUrl.protocol === 'https:' });
  if (!token?.sub) return undefined; // unreadable session: the page guard sends to /connexion
  const membership = await db.membership.findUnique({ where: { userId: token.sub }, select: { role: true } });
  return membership?.role ?? null;
}

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl;
  if (!hasSessionCookie(req)) {
    const url = new URL('/connexion', req.nextUrl);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  if (pathname === GESTIONNAIRE_ONLY || pathname.startsWith(`${GESTIONNAIRE_ONLY}/`)) {
    const role = await membershipRole(req);
    if (role !== undefined && role !== 'GESTIONNAIRE') return NextResponse.redirect(new URL('/?erreur=gestionnaire', req.nextUrl));
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/mon-compte/:path*', '/mes-offres/:path*', '/mon-espace/:path*', '/candidat/:path*', '/admin/:path*'],
};
