import { describe, expect, it } from 'vitest';
import { csvCell, csvResponse, formatCsvDate, toCsv } from '@/lib/csv';

describe('toCsv', () => {
  it('starts with the BOM, separates with « ; » and ends lines with CRLF', () => {
    const csv = toCsv(['Nom', 'Âge'], [['Bâtiment', 3], ['Élodie', null]]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFNom;Âge\r\nBâtiment;3\r\nÉlodie;\r\n');
  });

  it('quotes fields holding ; " CR or LF, doubling quotes (RFC 4180)', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('il a dit "non"')).toBe('"il a dit ""non"""');
    expect(csvCell('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvCell('a\r\nb')).toBe('"a\r\nb"');
    expect(csvCell('simple')).toBe('simple');
  });

  it('neutralises formulas in text cells', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+33 5 56')).toBe("'+33 5 56");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes numbers as numbers, empty cells for null/undefined', () => {
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('writes dates as dd-mm-yyyy HH:MM in Europe/Paris', () => {
    expect(formatCsvDate(new Date('2026-11-28T09:05:00Z'))).toBe('28-11-2026 10:05');
    expect(formatCsvDate(new Date('2026-07-01T22:30:00Z'))).toBe('02-07-2026 00:30');
    expect(csvCell(new Date('2026-01-05T11:00:00Z'))).toBe('05-01-2026 12:00');
  });
});

describe('csvResponse', () => {
  it('is a no-store, nosniff attachment in UTF-8', async () => {
    const response = csvResponse('demandes-employeurs.csv', toCsv(['A'], [['é']]));
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="demandes-employeurs.csv"');
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('keeps the file name safe in the header', () => {
    expect(csvResponse('a"b\r\n.csv', '').headers.get('Content-Disposition')).toBe('attachment; filename="a_b__.csv"');
  });
});
