import 'server-only';
import { headers } from 'next/headers';

/** The client's IP as seen by the first proxy (or Next itself). */
export async function clientIp(): Promise<string> {
  const h = await headers();
  return h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip') || 'inconnue';
}
