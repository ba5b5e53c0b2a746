import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, secureCookies } from '@/lib/security-headers';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1).join(' ')]));

describe('Content-Security-Policy', () => {
  it('production: scripts only with the nonce, no inline nor eval, nothing may frame the site', () => {
    const d = directives(contentSecurityPolicy('abc123==', { development: false, https: true }));
    expect(d['script-src']).toBe("'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(d['default-src']).toBe("'self'");
    expect(d['frame-ancestors']).toBe("'none'");
    expect(d['object-src']).toBe("'none'");
    expect(d['base-uri']).toBe("'self'");
    expect(d['form-action']).toBe("'self'");
    expect(d).toHaveProperty('upgrade-insecure-requests');
  });

  it("development: 'unsafe-eval' for React's debugging, never 'unsafe-inline' for scripts; no upgrade over http", () => {
    const d = directives(contentSecurityPolicy('n', { development: true, https: false }));
    expect(d['script-src']).toBe("'self' 'nonce-n' 'strict-dynamic' 'unsafe-eval'");
    expect(d).not.toHaveProperty('upgrade-insecure-requests');
    expect(directives(contentSecurityPolicy('n', { development: false, https: false }))).not.toHaveProperty('upgrade-insecure-requests');
  });

  it('a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });
});

describe('session cookie', () => {
  it('is Secure when the public address is https, left to the request protocol otherwise', () => {
    expect(secureCookies({ APP_URL: 'https://cmonalternance-na.fr' })).toBe(true);
    expect(secureCookies({ AUTH_URL: 'https://cmonalternance-na.fr', APP_URL: 'http://127.0.0.1:3000' })).toBe(true);
    expect(secureCookies({ APP_URL: 'http://127.0.0.1:3000' })).toBeUndefined();
    expect(secureCookies({})).toBeUndefined();
  });
});
