import { describe, expect, it } from 'vitest';
import { CV_MAX_BYTES, CV_MAX_REQUEST_BYTES, CV_MESSAGES } from '@/lib/uploads/cv';
import { readSingleFileUpload } from '@/lib/uploads/read-upload';

/**
 * readSingleFileUpload with real `Request` objects (the ones Next gives a route handler): from a
 * FormData body, and from a streamed body whose every read is counted, to prove that an
 * oversized upload is refused before (declared size) or while (streamed) it is read, never after
 * buffering it whole.
 */

const URL_CV = 'http://127.0.0.1/api/cv';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const MiB = 1024 * 1024;

function formRequest(parts: [name: string, value: string | Blob, filename?: string][]): Request {
  const form = new FormData();
  for (const [name, value, filename] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, filename);
  }
  return new Request(URL_CV, { method: 'POST', body: form });
}

const pdfBlob = (bytes: Buffer = PDF) => new Blob([new Uint8Array(bytes)], { type: 'application/pdf' });

const BOUNDARY = '----cmaTestBoundary7MA4YWxkTrZu0gW';

/**
 * A multipart body streamed in 64 Kio chunks: the part headers, then `fileBytes` bytes of file,
 * then the closing boundary. Counts what the reader pulled, and whether it cancelled the stream.
 */
function streamedUpload(fileBytes: number, opts: { fieldName?: string; contentLength?: number } = {}) {
  const stats = { pulls: 0, bytesPulled: 0, cancelled: false };
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${opts.fieldName ?? 'fichier'}"; filename="CV.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
  );
  const tail = Buffer.from(`\n%%EOF\r\n--${BOUNDARY}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  let sent = 0;
  let headSent = false;
  let tailSent = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      stats.pulls += 1;
      let out: Buffer;
      if (!headSent) {
        headSent = true;
        out = head;
      } else if (sent < fileBytes) {
        out = chunk.subarray(0, Math.min(chunk.length, fileBytes - sent));
        sent += out.length;
      } else if (!tailSent) {
        tailSent = true;
        out = tail;
      } else {
        controller.close();
        return;
      }
      stats.bytesPulled += out.length;
      controller.enqueue(new Uint8Array(out));
    },
    cancel() {
      stats.cancelled = true;
    },
    // nothing is pulled before someone reads: every pull counted is a read
  }, { highWaterMark: 0 });
  const headers: Record<string, string> = { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` };
  if (opts.contentLength !== undefined) headers['content-length'] = String(opts.contentLength);
  const request = new Request(URL_CV, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return { request, stats };
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('readSingleFileUpload', () => {
  it('reads the « fichier » part of a FormData body, its UTF-8 name and the other fields', async () => {
    const result = await readSingleFileUpload(formRequest([['note', 'bonjour'], ['fichier', pdfBlob(), 'CV Léa Martin.pdf']]));
    expect(result).toEqual({ ok: true, filename: 'CV Léa Martin.pdf', bytes: PDF, fields: { note: 'bonjour' } });
  });

  it('accepts a file of exactly 5 Mo, refuses one byte more (413)', async () => {
    const exact = await readSingleFileUpload(formRequest([['fichier', pdfBlob(Buffer.alloc(CV_MAX_BYTES, 0x20)), 'CV.pdf']]));
    expect(exact.ok).toBe(true);
    if (exact.ok) expect(exact.bytes.length).toBe(CV_MAX_BYTES);
    const over = await readSingleFileUpload(formRequest([['fichier', pdfBlob(Buffer.alloc(CV_MAX_BYTES + 1, 0x20)), 'CV.pdf']]));
    expect(over).toEqual({ ok: false, status: 413, message: CV_MESSAGES.tropGros });
  });

  it('refuses a declared Content-Length over the limit with 413 without reading the body', async () => {
    const { request, stats } = streamedUpload(20 * MiB, { contentLength: CV_MAX_REQUEST_BYTES + 1 });
    const result = await readSingleFileUpload(request);
    expect(result).toEqual({ ok: false, status: 413, message: CV_MESSAGES.tropGros });
    await settle();
    expect(stats.pulls).toBe(0);
    expect(stats.bytesPulled).toBe(0);
  });

  it('accepts a declared Content-Length just at the limit (multipart framing included)', async () => {
    const { request } = streamedUpload(1000, { contentLength: CV_MAX_REQUEST_BYTES });
    const result = await readSingleFileUpload(request);
    expect(result.ok).toBe(true);
  });

  it('cuts off a streamed body over 5 Mo sent without a length: 413, the stream cancelled early', async () => {
    const { request, stats } = streamedUpload(50 * MiB);
    expect(request.headers.get('content-length')).toBeNull();
    const result = await readSingleFileUpload(request);
    expect(result).toEqual({ ok: false, status: 413, message: CV_MESSAGES.tropGros });
    await settle();
    expect(stats.bytesPulled).toBeGreaterThan(CV_MAX_BYTES);
    expect(stats.bytesPulled).toBeLessThan(6 * MiB);
    expect(stats.cancelled).toBe(true);
  });

  it('cuts off a body that lies about its length (declares 1 Ko, streams 50 Mo)', async () => {
    const { request, stats } = streamedUpload(50 * MiB, { contentLength: 1024 });
    const result = await readSingleFileUpload(request);
    expect(result).toEqual({ ok: false, status: 413, message: CV_MESSAGES.tropGros });
    await settle();
    expect(stats.bytesPulled).toBeLessThan(6 * MiB);
  });

  it('does not read a huge file sent under another field name to its end either', async () => {
    const { request, stats } = streamedUpload(50 * MiB, { fieldName: 'autre' });
    const result = await readSingleFileUpload(request);
    expect(result.ok).toBe(false);
    await settle();
    expect(stats.bytesPulled).toBeLessThan(6 * MiB);
  });

  it('refuses two files (400, « un seul fichier »), whatever their field names', async () => {
    expect(await readSingleFileUpload(formRequest([['fichier', pdfBlob(), 'a.pdf'], ['fichier', pdfBlob(), 'b.pdf']]))).toEqual({
      ok: false,
      status: 400,
      message: CV_MESSAGES.unSeul,
    });
    expect(await readSingleFileUpload(formRequest([['fichier', pdfBlob(), 'a.pdf'], ['autre', pdfBlob(), 'b.pdf']]))).toEqual({
      ok: false,
      status: 400,
      message: CV_MESSAGES.unSeul,
    });
  });

  it('answers « manquant » when the file is under another field name, or when there is no file', async () => {
    expect(await readSingleFileUpload(formRequest([['cv', pdfBlob(), 'CV.pdf']]))).toEqual({ ok: false, status: 400, message: CV_MESSAGES.manquant });
    expect(await readSingleFileUpload(formRequest([['fichier', 'pas un fichier']]))).toEqual({ ok: false, status: 400, message: CV_MESSAGES.manquant });
    expect(await readSingleFileUpload(formRequest([]))).toEqual({ ok: false, status: 400, message: CV_MESSAGES.manquant });
  });

  it('refuses anything but multipart/form-data with 415', async () => {
    for (const init of [
      { body: JSON.stringify({ fichier: PDF.toString('base64') }), headers: { 'content-type': 'application/json' } },
      { body: PDF, headers: { 'content-type': 'application/pdf' } },
      { body: 'fichier=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { body: new Uint8Array(PDF) },
    ]) {
      const request = new Request(URL_CV, { method: 'POST', ...init });
      if (!('headers' in init)) request.headers.delete('content-type');
      expect(await readSingleFileUpload(request)).toEqual({ ok: false, status: 415, message: CV_MESSAGES.requete });
    }
  });

  it('refuses a multipart request without a boundary or with a broken body (400)', async () => {
    const noBoundary = new Request(URL_CV, { method: 'POST', body: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(await readSingleFileUpload(noBoundary)).toMatchObject({ ok: false, status: 400 });
    const truncated = new Request(URL_CV, {
      method: 'POST',
      body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="fichier"; filename="CV.pdf"\r\n\r\n%PDF-1.4 tronqué`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    });
    expect(await readSingleFileUpload(truncated)).toMatchObject({ ok: false, status: 400 });
  });
});
