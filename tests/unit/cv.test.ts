import { describe, expect, it } from 'vitest';
import { CV_MAX_BYTES, CV_MESSAGES, checkCv, contentDisposition, formatTaille, isPdf, sanitizeCvFilename } from '@/lib/uploads/cv';

const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const bytes = (text: string) => Buffer.from(text, 'latin1');

/** A PDF of exactly `size` bytes: header, padding, trailer. */
function pdfOfSize(size: number): Buffer {
  const head = bytes('%PDF-1.7\n');
  const tail = bytes('\n%%EOF\n');
  return Buffer.concat([head, Buffer.alloc(size - head.length - tail.length, 0x20), tail]);
}

describe('isPdf: recognised by its content, never by its name', () => {
  it('accepts a real PDF header (1.x and 2.0) ending with %%EOF', () => {
    expect(isPdf(TINY_PDF)).toBe(true);
    expect(isPdf(bytes('%PDF-2.0\n1 0 obj<<>>endobj\n%%EOF'))).toBe(true);
    // a few bytes after %%EOF (a trailing newline, an incremental-update leftover) are fine
    expect(isPdf(Buffer.concat([TINY_PDF, Buffer.alloc(500, 0x0a)]))).toBe(true);
    expect(isPdf(new Uint8Array(TINY_PDF))).toBe(true);
  });

  it('refuses %PDF that is not at byte 0', () => {
    expect(isPdf(bytes(` ${TINY_PDF.toString('latin1')}`))).toBe(false);
    expect(isPdf(bytes(`\n${TINY_PDF.toString('latin1')}`))).toBe(false);
    expect(isPdf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), TINY_PDF]))).toBe(false); // a BOM first
  });

  it('refuses an HTML polyglot that contains a PDF further in', () => {
    const polyglot = bytes(`<html><body><script>alert(1)</script></body></html>\n${TINY_PDF.toString('latin1')}`);
    expect(polyglot.includes('%PDF-1.4')).toBe(true);
    expect(polyglot.includes('%%EOF')).toBe(true);
    expect(isPdf(polyglot)).toBe(false);
  });

  it('refuses other versions and look-alike headers', () => {
    expect(isPdf(bytes('%PDF-3.0\n1 0 obj<<>>endobj\n%%EOF'))).toBe(false);
    expect(isPdf(bytes('%PDF-x.y\n1 0 obj<<>>endobj\n%%EOF'))).toBe(false);
    expect(isPdf(bytes('%pdf-1.4\n1 0 obj<<>>endobj\n%%EOF'))).toBe(false);
    expect(isPdf(bytes('%!PS-Adobe-3.0\n1 0 obj<<>>endobj\n%%EOF'))).toBe(false);
  });

  it('refuses a PDF whose %%EOF is missing or far from the end (truncated or something appended)', () => {
    expect(isPdf(bytes('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n'))).toBe(false);
    expect(isPdf(Buffer.concat([TINY_PDF, Buffer.alloc(2048, 0x41)]))).toBe(false);
  });

  it('refuses empty and too short files (< 16 bytes)', () => {
    expect(isPdf(Buffer.alloc(0))).toBe(false);
    const short = bytes('%PDF-1.4\n%%EOF'); // 14 bytes: a header and a trailer, nothing in between
    expect(short.length).toBeLessThan(16);
    expect(isPdf(short)).toBe(false);
    expect(isPdf(bytes('%PDF-1.4\n%%EOF\n\n'))).toBe(true); // 16 bytes: the minimum
  });
});

describe('checkCv: the message shown to the candidate', () => {
  it('accepts a PDF up to 5 Mo exactly', () => {
    expect(checkCv(TINY_PDF)).toBeNull();
    expect(checkCv(pdfOfSize(CV_MAX_BYTES))).toBeNull();
  });

  it('explains each refusal in French', () => {
    expect(checkCv(Buffer.alloc(0))).toBe(CV_MESSAGES.vide);
    expect(checkCv(pdfOfSize(CV_MAX_BYTES + 1))).toBe(CV_MESSAGES.tropGros);
    expect(checkCv(bytes('Bonjour, voici mon CV au format texte. Cordialement.'))).toBe(CV_MESSAGES.pasPdf);
    expect(checkCv(bytes(`<html>${TINY_PDF.toString('latin1')}</html>`))).toBe(CV_MESSAGES.pasPdf);
    // the size is checked first: an oversized file is « trop gros » whatever it is
    expect(checkCv(Buffer.alloc(CV_MAX_BYTES + 1, 0x41))).toBe(CV_MESSAGES.tropGros);
    expect(CV_MESSAGES.tropGros).toMatch(/5 Mo/);
    expect(CV_MESSAGES.pasPdf).toMatch(/PDF/);
  });
});

describe('sanitizeCvFilename: a display name only, never a path', () => {
  it('keeps a normal name, accents included', () => {
    expect(sanitizeCvFilename('CV Léa Martin.pdf')).toBe('CV Léa Martin.pdf');
    expect(sanitizeCvFilename('CV.PDF')).toBe('CV.pdf');
    // NFD (macOS) names are normalised to NFC
    expect(sanitizeCvFilename('CV Le\u0301a.pdf')).toBe('CV Léa.pdf');
  });

  it('keeps only the last segment of a path (Unix or Windows)', () => {
    expect(sanitizeCvFilename('../../etc/passwd')).toBe('passwd.pdf');
    expect(sanitizeCvFilename('C:\\Users\\x\\CV.pdf')).toBe('CV.pdf');
    expect(sanitizeCvFilename('/var/www/../CV final.pdf')).toBe('CV final.pdf');
    expect(sanitizeCvFilename('..\\..\\windows\\system32\\cmd.exe')).toBe('cmd.exe.pdf');
  });

  it('removes control and reserved characters, collapses spaces, drops leading dots', () => {
    expect(sanitizeCvFilename('CV\u0000\u0007 Léa\r\n\t Martin.pdf')).toBe('CV Léa Martin.pdf');
    expect(sanitizeCvFilename('CV <b>"Léa"<b>|?*:.pdf')).toBe('CV bLéab.pdf');
    expect(sanitizeCvFilename('...cache.pdf')).toBe('cache.pdf');
    expect(sanitizeCvFilename('   CV    Léa   .pdf')).toBe('CV Léa.pdf');
  });

  it('limits very long names to 110 characters plus « .pdf », without cutting a character in half', () => {
    const long = sanitizeCvFilename(`${'a'.repeat(500)}.pdf`);
    expect(long).toBe(`${'a'.repeat(110)}.pdf`);
    const emoji = sanitizeCvFilename(`${'a'.repeat(109)}😀😀.pdf`);
    expect(emoji).toBe(`${'a'.repeat(109)}😀.pdf`);
    expect(emoji.isWellFormed()).toBe(true);
    expect(() => contentDisposition(emoji)).not.toThrow();
  });

  it('adds the extension when missing, and names an empty or « .pdf »-only file « CV.pdf »', () => {
    expect(sanitizeCvFilename('Mon CV')).toBe('Mon CV.pdf');
    expect(sanitizeCvFilename('.pdf')).toBe('CV.pdf');
    expect(sanitizeCvFilename('..pdf')).toBe('CV.pdf');
    expect(sanitizeCvFilename('')).toBe('CV.pdf');
    expect(sanitizeCvFilename(null)).toBe('CV.pdf');
    expect(sanitizeCvFilename(undefined)).toBe('CV.pdf');
    expect(sanitizeCvFilename('../')).toBe('CV.pdf');
    expect(sanitizeCvFilename('\u0000\u0001')).toBe('CV.pdf');
  });
});

describe('formatTaille: sizes in French', () => {
  it('uses o, Ko and Mo with a decimal comma', () => {
    expect(formatTaille(0)).toBe('0 o');
    expect(formatTaille(1023)).toBe('1023 o');
    expect(formatTaille(1024)).toBe('1 Ko');
    expect(formatTaille(513_784)).toBe('501,74 Ko');
    expect(formatTaille(1_258_291)).toBe('1,2 Mo');
    expect(formatTaille(CV_MAX_BYTES)).toBe('5 Mo');
  });
});

describe('contentDisposition: always a download, any name', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266 / 5987)', () => {
    expect(contentDisposition('CV Léa Martin.pdf')).toBe(`attachment; filename="CV Lea Martin.pdf"; filename*=UTF-8''CV%20L%C3%A9a%20Martin.pdf`);
  });

  it('never lets a quote or a backslash close the quoted fallback', () => {
    const header = contentDisposition('CV "Léa" \\ Martin.pdf');
    expect(header).toMatch(/^attachment; filename="CV _Lea_ _ Martin\.pdf"; filename\*=UTF-8''/);
    expect(header).toContain('%22L%C3%A9a%22%20%5C%20Martin.pdf');
    // exactly two quotes: the ones around the fallback
    expect(header.split('"').length - 1).toBe(2);
  });

  it('percent-encodes the characters RFC 5987 does not allow in the UTF-8 value', () => {
    const header = contentDisposition("CV d'Anaïs (2)*.pdf");
    expect(header).toBe(`attachment; filename="CV d'Anais (2)*.pdf"; filename*=UTF-8''CV%20d%27Ana%C3%AFs%20%282%29%2A.pdf`);
    const value = header.split("filename*=UTF-8''")[1]!;
    expect(value).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(value)).toBe("CV d'Anaïs (2)*.pdf");
  });

  it('replaces non-Latin characters in the fallback, keeps them in the UTF-8 name', () => {
    const header = contentDisposition('履歴書 😀.pdf');
    expect(header).toMatch(/^attachment; filename="[_ ]+\.pdf"; /);
    expect(decodeURIComponent(header.split("filename*=UTF-8''")[1]!)).toBe('履歴書 😀.pdf');
    // no CR/LF can reach the header
    expect(contentDisposition(sanitizeCvFilename('a\r\nSet-Cookie: x=1.pdf'))).not.toMatch(/[\r\n]/);
  });
});
