/**
 * Security headers computed per request (pure: used by proxy.ts, the Auth.js config and the tests).
 * The static ones (X-Content-Type-Options, Referrer-Policy, Permissions-Policy, X-Frame-Options,
 * HSTS in production) are in next.config.mjs.
 */

export interface CspOptions {
  /** `next dev`: React needs eval() for its debugging information. */
  development: boolean;
  /** the site is served over https: plain-http sub-resources are upgraded. */
  https: boolean;
}

/** A fresh, unguessable nonce (128 bits) for one response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Strict policy: scripts only with this response's nonce ('strict-dynamic' lets Next's own
 * loader add its chunks), never inline handlers nor eval (outside development); styles may be
 * inline (Tailwind and React style attributes); nothing may frame the site.
 */
export function contentSecurityPolicy(nonce: string, { development, https }: CspOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(https && !development ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export const HSTS_VALUE = 'max-age=63072000; includeSubDomains';

type Env = Record<string, string | undefined>;

/** The public address of the app: APP_URL (required in production), or Auth.js's own variables. */
function publicUrl(env: Env): string | undefined {
  return env.AUTH_URL || env.NEXTAUTH_URL || env.APP_URL || undefined;
}

/**
 * The session cookie is `Secure` (and named `__Secure-…`) when the app's public address is https.
 * Left to Auth.js otherwise (it then follows the request's protocol), so a production build
 * served over plain http on a loopback address (the end-to-end tests) still signs in.
 */
export function secureCookies(env: Env = process.env): boolean | undefined {
  const url = publicUrl(env);
  return url?.startsWith('https://') ? true : undefined;
}
