/**
 * « Mon CV »: PDF only, at most 5 Mo, recognised by its content (magic bytes), never by its name
 * or by the type the browser claims. Pure functions, shared by the upload route and the tests.
 */

export const CV_MAX_BYTES = 5 * 1024 * 1024;
/** multipart framing around the file (boundaries, headers): a request larger than this is refused unread */
export const CV_MAX_REQUEST_BYTES = CV_MAX_BYTES + 64 * 1024;

export const CV_MESSAGES = {
  manquant: 'Choisissez un fichier PDF à envoyer.',
  vide: 'Le fichier est vide : choisissez votre CV au format PDF.',
  tropGros: 'Le fichier dépasse 5 Mo : réduisez sa taille (par exemple en enregistrant le PDF en qualité « écran ») puis envoyez-le de nouveau.',
  pasPdf: "Ce fichier n'est pas un PDF : enregistrez votre CV au format PDF (« Enregistrer sous » ou « Exporter en PDF ») puis envoyez-le de nouveau.",
  unSeul: 'Envoyez un seul fichier à la fois.',
  requete: "L'envoi du fichier n'a pas abouti : réessayez.",
  enregistre: 'Votre CV a bien été enregistré.',
  supprime: 'Votre CV a bien été supprimé.',
  introuvable: 'CV introuvable.',
} as const;

const PDF_HEADER = /^%PDF-[12]\.\d/;

/**
 * A PDF starts with « %PDF-1.x » or « %PDF-2.x » at byte 0 and ends with « %%EOF » (up to a few
 * trailing bytes). Readers tolerate a header further in; we do not, so that a file that is
 * something else first (HTML, an executable) with a PDF inside is refused.
 */
export function isPdf(bytes: Uint8Array): boolean {
  if (bytes.length < 16) return false;
  const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1');
  if (!PDF_HEADER.test(head)) return false;
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return tail.includes('%%EOF');
}

/** The error message for these bytes, or null when they are an acceptable CV. */
export function checkCv(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return CV_MESSAGES.vide;
  if (bytes.length > CV_MAX_BYTES) return CV_MESSAGES.tropGros;
  if (!isPdf(bytes)) return CV_MESSAGES.pasPdf;
  return null;
}

/**
 * The name shown to the candidate and to the staff (« CV Léa Martin.pdf »): the last path
 * segment, without control or reserved characters, at most 120 characters, ending in .pdf.
 * It is only ever displayed and sent in Content-Disposition; files are stored under a generated key.
 */
export function sanitizeCvFilename(name: string | null | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  let clean = base
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // the extension first, then leading dots: « .pdf » alone gives « CV.pdf », not « pdf.pdf »
  clean = clean.replace(/\.pdf$/i, '').replace(/^[.\s]+/, '');
  // cut by code points, never inside a surrogate pair (an emoji cut in half is not valid UTF-8)
  clean = Array.from(clean).slice(0, 110).join('').trim();
  return `${clean || 'CV'}.pdf`;
}

/** « 501,74 Ko », « 1,2 Mo »: sizes as the guide shows them, in French. */
export function formatTaille(bytes: number): string {
  if (bytes < 1024) return `${bytes} o`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} Ko`;
  return `${(bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} Mo`;
}

/** RFC 6266 header value: an ASCII fallback plus the UTF-8 name. */
export function contentDisposition(filename: string): string {
  const ascii = filename.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  // RFC 5987 attr-char excludes ' ( ) * which encodeURIComponent leaves as they are (« CV d'Anaïs (2).pdf »)
  const utf8 = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
