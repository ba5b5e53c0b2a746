import type { NextAuthConfig } from 'next-auth';
import { secureCookies } from '@/lib/security-headers';

/**
 * The part of the Auth.js configuration without database access (used by proxy.ts too).
 * The JWT carries only the user id and the session version; everything else is read from
 * the database on each request by lib/auth/session.ts.
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const baseAuthConfig = {
  trustHost: true,
  // HttpOnly + SameSite=Lax are Auth.js's defaults for the session cookie; Secure when APP_URL is https
  useSecureCookies: secureCookies(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: '/connexion', error: '/connexion' },
  providers: [],
  logger: {
    // a wrong password is an expected outcome, not a server error worth a stack trace
    error(error: Error & { type?: string }) {
      if (error.type === 'CredentialsSignin' || error.name === 'CredentialsSignin') return;
      console.error('[auth]', error);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as { id?: string; sessionVersion?: number };
        return { sub: u.id, sv: u.sessionVersion };
      }
      // keep only what we put there (Auth.js adds iat/exp/jti itself)
      return { sub: token.sub, sv: token.sv };
    },
    session({ session, token }) {
      return { ...session, user: { id: token.sub ?? '' }, sv: token.sv } as unknown as typeof session;
    },
  },
} satisfies NextAuthConfig;
