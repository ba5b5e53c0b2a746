import { Auth, type AuthConfig } from '@auth/core';
import Credentials from '@auth/core/providers/credentials';
import { describe, expect, it, vi } from 'vitest';

/**
 * The session cookie that Auth.js really sets with our configuration (lib/auth/base-config.ts):
 * HttpOnly and SameSite=Lax always; Secure (and `__Secure-` named) when APP_URL is https, even
 * behind a proxy that speaks plain http to the app.
 */
async function signInCookie(appUrl: string, requestOrigin: string): Promise<string> {
  vi.resetModules();
  vi.stubEnv('APP_URL', appUrl);
  const { baseAuthConfig } = await import('@/lib/auth/base-config');
  vi.unstubAllEnvs();
  const config: AuthConfig = {
    ...(baseAuthConfig as unknown as AuthConfig),
    secret: 'abcdefghijabcdefghijabcdefghij123456',
    basePath: '/api/auth',
    providers: [Credentials({ credentials: { email: {} }, authorize: async () => ({ id: 'u1', sessionVersion: 1 } as never) })],
  };
  const csrf = await Auth(new Request(`${requestOrigin}/api/auth/csrf`), config);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const res = await Auth(
    new Request(`${requestOrigin}/api/auth/callback/credentials`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
      body: new URLSearchParams({ csrfToken, email: 'a@b.fr' }),
    }),
    config,
  );
  const session = res.headers.getSetCookie().find((c) => /authjs\.session-token=/.test(c));
  expect(session, 'a session cookie is set').toBeDefined();
  return session!;
}

describe('session cookie flags', () => {
  it('https public address: __Secure- name, Secure, HttpOnly, SameSite=Lax (even over an http hop)', async () => {
    const cookie = await signInCookie('https://cmonalternance-na.fr', 'http://127.0.0.1:8080');
    expect(cookie).toMatch(/^__Secure-authjs\.session-token=/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });

  it('plain http (local, tests): HttpOnly and SameSite=Lax, not Secure', async () => {
    const cookie = await signInCookie('http://127.0.0.1:3000', 'http://127.0.0.1:3000');
    expect(cookie).toMatch(/^authjs\.session-token=/);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });
});
