import NextAuth from 'next-auth';
import { NextResponse } from 'next/server';
import { baseAuthConfig } from '@/lib/auth/base-config';

/**
 * Only one job: send signed-out visitors of private areas to « Se connecter ».
 * Roles, memberships and deactivation are checked by the guards on every page and action.
 */
const { auth } = NextAuth(baseAuthConfig);

const PRIVATE_PREFIXES = ['/mon-compte', '/mes-offres', '/mon-espace', '/candidat', '/admin'];

export const proxy = auth((req) => {
  const { pathname, search } = req.nextUrl;
  const isPrivate = PRIVATE_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  if (isPrivate && !req.auth?.user) {
    const url = new URL('/connexion', req.nextUrl);
    url.searchParams.set('callbackUrl', `${pathname}${search}`);
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
});

export const config = {
  matcher: ['/mon-compte/:path*', '/mes-offres/:path*', '/mon-espace/:path*', '/candidat/:path*', '/admin/:path*'],
};
