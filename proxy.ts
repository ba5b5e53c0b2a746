import { NextResponse, type NextRequest } from 'next/server';

/**
 * Only one job: send signed-out visitors of private areas to « Se connecter ».
 * It looks for the session cookie and nothing else — validating it, reading the role, the
 * membership and the active flag is the guards' job, on every page and every action.
 * (It deliberately never re-issues the session cookie: a refresh racing a sign-out would
 * sign the user back in.)
 */
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

function hasSessionCookie(req: NextRequest): boolean {
  return req.cookies.getAll().some(({ name }) => SESSION_COOKIES.some((c) => name === c || name.startsWith(`${c}.`)));
}

export function proxy(req: NextRequest) {
  if (!hasSessionCookie(req)) {
    const { pathname, search } = req.nextUrl;
    const url = new URL('/connexion', req.nextUrl);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = {
  matcher: ['/mon-compte/:path*', '/mes-offres/:path*', '/mon-espace/:path*', '/candidat/:path*', '/admin/:path*'],
};
