import { Readable } from 'node:stream';
import busboy from 'busboy';
import { CV_MAX_BYTES, CV_MAX_REQUEST_BYTES, CV_MESSAGES } from '@/lib/uploads/cv';

export type UploadResult =
  | { ok: true; filename: string; bytes: Buffer; fields: Record<string, string> }
  | { ok: false; status: 400 | 413 | 415; message: string };

/**
 * Reads one file from a multipart/form-data request, streaming: a declared Content-Length over
 * the limit is refused before anything is read, and the body is cut off as soon as the file
 * passes CV_MAX_BYTES (busboy's fileSize limit), so at most ~5 Mo are ever held in memory.
 */
export async function readSingleFileUpload(request: Request, fieldName = 'fichier', maxBytes = CV_MAX_BYTES): Promise<UploadResult> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('multipart/form-data')) return { ok: false, status: 415, message: CV_MESSAGES.requete };
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes + (CV_MAX_REQUEST_BYTES - CV_MAX_BYTES)) {
    return { ok: false, status: 413, message: CV_MESSAGES.tropGros };
  }
  if (!request.body) return { ok: false, status: 400, message: CV_MESSAGES.manquant };

  return new Promise<UploadResult>((resolve) => {
    let settled = false;
    const done = (result: UploadResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { 'content-type': contentType },
        // busboy signals 'limit' when a file REACHES fileSize: one byte more, so that exactly maxBytes passes
        limits: { files: 1, fileSize: maxBytes + 1, fields: 10, fieldSize: 10_000, parts: 12 },
        defParamCharset: 'utf8',
      });
    } catch {
      done({ ok: false, status: 400, message: CV_MESSAGES.requete });
      return;
    }
    const fields: Record<string, string> = {};
    let file: { filename: string; bytes: Buffer } | null = null;
    let filesSeen = 0;
    const body = Readable.fromWeb(request.body as import('node:stream/web').ReadableStream<Uint8Array>);
    /** answers at once and stops reading: the rest of the body is never read nor buffered */
    const stop = (result: UploadResult) => {
      body.unpipe(parser);
      body.destroy();
      done(result);
    };

    parser.on('field', (name, value) => {
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      filesSeen += 1;
      // a file stream destroyed by a broken body emits 'error': handled, never an uncaught exception
      stream.on('error', () => stop({ ok: false, status: 400, message: CV_MESSAGES.requete }));
      if (name !== fieldName || filesSeen > 1) {
        // ignored, but not read to its end when it is huge
        stream.on('limit', () => stop({ ok: false, status: 413, message: CV_MESSAGES.tropGros }));
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => stop({ ok: false, status: 413, message: CV_MESSAGES.tropGros }));
      stream.on('end', () => {
        if (!(stream as unknown as { truncated?: boolean }).truncated) file = { filename: info.filename ?? '', bytes: Buffer.concat(chunks) };
      });
    });
    parser.on('filesLimit', () => stop({ ok: false, status: 400, message: CV_MESSAGES.unSeul }));
    parser.on('error', () => stop({ ok: false, status: 400, message: CV_MESSAGES.requete }));
    parser.on('close', () => {
      if (filesSeen > 1) return done({ ok: false, status: 400, message: CV_MESSAGES.unSeul });
      if (!file) return done({ ok: false, status: 400, message: CV_MESSAGES.manquant });
      done({ ok: true, filename: file.filename, bytes: file.bytes, fields });
    });
    body.on('error', () => done({ ok: false, status: 400, message: CV_MESSAGES.requete }));
    body.pipe(parser);
  });
}
