import { getCurrentUser } from '@/lib/auth/session';
import { readCandidatureCv } from '@/lib/data/documents';
import { NOT_FOUND_MESSAGE, fileResponse, jsonError } from '@/lib/uploads/responses';
import { parseNumero } from '@/lib/validations/candidat';

export const dynamic = 'force-dynamic';

/**
 * The CV sent with an application: its candidate, or a member of the structure that owns the
 * offer (each staff download is written to the audit log). Anyone else gets the same 404 as for
 * a number that does not exist.
 */
export async function GET(request: Request, { params }: { params: Promise<{ numero: string }> }) {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, 'Connectez-vous pour télécharger ce CV.');
  const numero = parseNumero((await params).numero);
  if (numero === null) return jsonError(404, NOT_FOUND_MESSAGE);
  const file = await readCandidatureCv(user, numero, request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null);
  return file ? fileResponse(file) : jsonError(404, NOT_FOUND_MESSAGE);
}
