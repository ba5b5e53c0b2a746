import 'server-only';
import { contentDisposition } from '@/lib/uploads/cv';

/** A private file: always a download, never rendered by the browser, never cached by a proxy. */
export function fileResponse(file: { filename: string; bytes: Buffer }, contentType = 'application/pdf'): Response {
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Length': String(file.bytes.length),
      'Content-Disposition': contentDisposition(file.filename),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
    },
  });
}

export function jsonError(status: number, message: string): Response {
  return Response.json({ ok: false, message }, { status, headers: { 'Cache-Control': 'no-store' } });
}

export const NOT_FOUND_MESSAGE = 'Document introuvable.';

/** Refuses cross-site posts (a form on another site): the Origin, when sent, must be ours. */
export function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return true;
  try {
    const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
