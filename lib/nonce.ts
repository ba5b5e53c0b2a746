import { headers } from 'next/headers';

/** This response's CSP nonce (set by proxy.ts), for the app's own inline <script> elements. */
export async function cspNonce(): Promise<string | undefined> {
  return (await headers()).get('x-nonce') ?? undefined;
}
