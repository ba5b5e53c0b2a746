import { getToken } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { db } from '@/lib/db';
import { statutOffrePubliqueWith } from '@/lib/offres-publiques-query';
import { contentSecurityPolicy, newNonce, secureCookies } from '@/lib/security-headers';
import { parseNumeroOffre } from '@/lib/validations/offres-publiques';

/**
 * First line of defence only — the guards check again on every page and every action:
 *  - signed-out visitors of private areas go to « Se connecter » (the session cookie is looked
 *    for, not validated; it is never re-issued here, so no refresh can race a sign-out);
 *  - « Utilisateurs de ma structure » is the gestionnaire's only: anyone else is sent home with
 *    the guide's message (the role is read from the database, never from the cookie);
 *  - /offres is public (no sign-in redirect), except « Postuler » (/offres/<n>/postuler). An offer
 *    page whose offer is no longer « En cours » (pourvue, archivée) answers HTTP 410 Gone: App
 *    Router pages cannot set a status, so it is set here and the page renders « Cette offre n'est
 *    plus disponible » itself (as does /offres/<n>/indisponible, which 404s for any other offer).
 *    Not a NextResponse.rewrite to that page: Next 16 turns a rewrite into a network proxy
 *    request when the server is started with `-H 127.0.0.1` (vercel/next.js#94745), as e2e and
 *    loopback-bound deployments are — it failed with a 500 there.
 *  - every response it sees (all but static files and /api) carries a Content-Security-Policy
 *    with a fresh nonce; the nonce also goes on the request (CSP and `x-nonce` headers), from
 *    which Next puts it on its own scripts and our pages read it (lib/nonce.ts).
 */
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const GESTIONNAIRE_ONLY = '/mon-compte/utilisateurs';

function hasSessionCookie(req: NextRequest): boolean {
  return req.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((c) => name === c || name.startsWith(`${c}.`)));
}

async function membershipRole(req: NextRequest): Promise<string | null | undefined> {
  const token = await getToken({ req, secret: process.env.AUTH_SECRET, secureCookie: secureCookies() ?? req.nextUrl.protocol === 'https:' });
  if (!token?.sub) return undefined; // unreadable session: the page guard sends to /connexion
  const membership = await db.membership.findUnique({ where: { userId: token.sub }, select: { role: true } });
  return membership?.role ?? null;
}

const OFFRE_PAGE = /^\/offres\/(\d{1,10})(?:\/indisponible)?$/;
const OFFRE_POSTULER = /^\/offres\/\d{1,10}\/postuler$/;

/** /offres/<n> (or /offres/<n>/indisponible) of a public offer no longer « En cours »: 410 (one indexed query). */
async function offreGone(req: NextRequest, next: (init?: { status: number }) => NextResponse): Promise<NextResponse | null> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const match = OFFRE_PAGE.exec(req.nextUrl.pathname);
  const numero = match ? parseNumeroOffre(match[1]!) : null;
  if (numero === null) return null;
  // a database failure is left to the page (which reads the offer again), not turned into a 500 here
  const status = await statutOffrePubliqueWith(db, numero).catch(() => null);
  if (status === null || status === 'EN_COURS') return null; // open (the page) or unknown (its 404)
  return next({ status: 410 });
}

/** The areas the sign-in redirect applies to (the whole matcher before the CSP widened it). */
const GUARDED = ['/mon-compte', '/mes-offres', '/mon-espace', '/candidat', '/admin', '/offres', '/notifications'];

function isGuarded(pathname: string): boolean {
  return GUARDED.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

async function guard(req: NextRequest, next: (init?: { status: number }) => NextResponse): Promise<NextResponse> {
  const { pathname, search } = req.nextUrl;
  if (!isGuarded(pathname)) return next();
  if (pathname === '/offres' || pathname.startsWith('/offres/')) {
    if (!OFFRE_POSTULER.test(pathname)) return (await offreGone(req, next)) ?? next();
  }
  if (!hasSessionCookie(req)) {
    const url = new URL('/connexion', req.nextUrl);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  if (pathname === GESTIONNAIRE_ONLY || pathname.startsWith(`${GESTIONNAIRE_ONLY}/`)) {
    const role = await membershipRole(req);
    if (role !== undefined && role !== 'GESTIONNAIRE') return NextResponse.redirect(new URL('/?erreur=gestionnaire', req.nextUrl));
  }
  return next();
}

export async function proxy(req: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === 'development',
    https: req.nextUrl.protocol === 'https:' || secureCookies() === true,
  });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const next = (init?: { status: number }) => NextResponse.next({ ...init, request: { headers: requestHeaders } });

  const response = await guard(req, next);
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  // every page, redirect and server action; not static files (nor /api: JSON and private files,
  // whose routes set their own headers — see next.config.mjs)
  matcher: ['/((?!api/|_next/static/|_next/image|favicon\\.ico|robots\\.txt|sitemap\\.xml).*)'],
};
