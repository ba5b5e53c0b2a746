import { createPrismaClient } from '@/lib/prisma-client';
import { CV_MAX_BYTES, CV_MESSAGES } from '@/lib/uploads/cv';
import { createUser } from '@/tests/factories';
import { expect, signIn, test, uniqueEmail } from './fixtures';

/**
 * Hostile uploads through the real route (POST /api/cv, multipart over HTTP): a PNG or an HTML
 * page named .pdf, an HTML/PDF polyglot, an oversized file with a lying or no length, and path
 * traversal, control characters or a huge name — refused in French, or stored under a generated
 * key with a cleaned display name and served only as an inert download.
 */

const db = createPrismaClient(process.env.DATABASE_URL!, { max: 2 });
test.afterAll(() => db.$disconnect());

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

test('téléversements hostiles : refusés en français, ou rangés sous une clé générée et servis inertes', async ({ page }) => {
  test.setTimeout(90_000);
  const user = await createUser(db, { role: 'CANDIDAT', email: uniqueEmail('televersement') });
  await signIn(page, user.email);
  await expect(page).toHaveURL(/\/candidat$/);
  const post = (name: string, buffer: Buffer, mimeType = 'application/pdf') => page.request.post('/api/cv', { multipart: { fichier: { name, mimeType, buffer } } });
  const documents = () => db.document.count({ where: { ownerId: user.id } });

  // wrong types, whatever the name and declared type say; an HTML page with a PDF inside
  for (const [name, buffer, mime] of [
    ['photo.pdf', PNG, 'application/pdf'],
    ['cv.pdf', Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), 'application/pdf'],
    ['cv.html', Buffer.from('<html><script>alert(1)</script>\n%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n'), 'text/html'],
  ] as const) {
    const response = await post(name, buffer, mime);
    expect(response.status(), name).toBe(422);
    expect(((await response.json()) as { message: string }).message, name).toBe(CV_MESSAGES.pasPdf);
  }
  // oversized: refused with 413 before anything is stored
  const big = await post('gros.pdf', Buffer.concat([pdf('gros'), Buffer.alloc(CV_MAX_BYTES, 0x20)]));
  expect(big.status()).toBe(413);
  expect(((await big.json()) as { message: string }).message).toBe(CV_MESSAGES.tropGros);
  expect(await documents()).toBe(0);

  // names: only a cleaned last segment is kept for display; the file is under a generated key
  for (const [name, shown] of [
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['..\\..\\windows\\x.pdf', 'x.pdf'],
    ['cv <b>|*?:.pdf', 'cv b.pdf'],
    [`${'é'.repeat(300)}.pdf`, `${'é'.repeat(110)}.pdf`],
  ] as const) {
    const response = await post(name, pdf(name));
    expect(response.status(), name).toBe(200);
    const { cv } = (await response.json()) as { cv: { filename: string } };
    const row = await db.document.findFirstOrThrow({ where: { ownerId: user.id, deletedAt: null }, orderBy: { createdAt: 'desc' } });
    expect(row.storageKey, name).toMatch(/^cv\/[0-9a-f-]{36}\.pdf$/);
    expect(cv.filename, name).not.toMatch(/[/\\\u0000-\u001f<>]/);
    expect(cv.filename, name).toBe(shown);
    expect(row.filename).toBe(cv.filename);
  }

  // control characters in the name break the multipart header: a clear 400, nothing stored
  const stored = await documents();
  const control = await post('cv\u0000\u0001.pdf', pdf('nul'));
  expect(control.status()).toBe(400);
  expect(((await control.json()) as { message: string }).message).toMatch(/^[A-ZÀ-Ü].+\.$/);
  expect(await documents()).toBe(stored);

  // a PDF that is also an HTML page: stored (it is a PDF), but only ever downloaded, never rendered
  const polyglot = Buffer.from('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  expect((await post('polyglotte.html', polyglot, 'text/html')).status()).toBe(200);
  const download = await page.request.get('/api/cv');
  expect(download.headers()['content-type']).toBe('application/pdf');
  expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
  expect(download.headers()['x-content-type-options']).toBe('nosniff');
  expect(download.headers()['content-security-policy']).toContain('sandbox');
  expect(Buffer.from(await download.body()).equals(polyglot)).toBe(true);
});
