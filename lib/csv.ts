/**
 * CSV exports opened in Excel (French locale): UTF-8 with a BOM (accents intact), « ; » between
 * fields, CRLF line ends, RFC 4180 quoting, dates as « dd-mm-yyyy HH:MM » in Europe/Paris, and
 * formula injection neutralised (a text cell starting with = + - @ tab or CR gets a leading « ' »).
 * Pure: usable anywhere (no server-only).
 */

export type CsvCell = string | number | Date | null | undefined;

const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

const dateTimeFormatter = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** « 28-11-2026 10:05 » (Europe/Paris). */
export function formatCsvDate(date: Date): string {
  const parts = Object.fromEntries(dateTimeFormatter.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day}-${parts.month}-${parts.year} ${parts.hour}:${parts.minute}`;
}

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatCsvDate(value);
  // numbers are written as numbers (a negative number is no formula)
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return quote(neutralise(value));
}

export function toCsv(headers: string[], rows: CsvCell[][]): string {
  const lines = [headers, ...rows].map((row) => row.map(csvCell).join(SEPARATOR));
  return BOM + lines.join(EOL) + EOL;
}

/** A download that is never cached nor sniffed as something else. */
export function csvResponse(filename: string, csv: string): Response {
  const safe = filename.replace(/[^\w.-]/g, '_');
  return new Response(csv, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${safe}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
