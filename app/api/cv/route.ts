import { revalidatePath } from 'next/cache';
import { getCurrentUser } from '@/lib/auth/session';
import { readMyCv, saveMyCv } from '@/lib/data/documents';
import { RATE_LIMITS, consume } from '@/lib/data/rate-limit';
import { GENERIC_ERROR_MESSAGE, UserFacingError } from '@/lib/errors';
import { readSingleFileUpload } from '@/lib/uploads/read-upload';
import { NOT_FOUND_MESSAGE, fileResponse, jsonError, sameOrigin } from '@/lib/uploads/responses';
import { CV_MESSAGES } from '@/lib/uploads/cv';

export const dynamic = 'force-dynamic';

/**
 * « Mon CV ». POST (multipart/form-data, field « fichier »): a candidate replaces his CV — PDF by
 * content, ≤ 5 Mo, refused before the body is read when its declared size is over, cut off while
 * streaming otherwise. GET: the candidate downloads his own current CV. Anyone else: 401/404.
 */
export async function POST(request: Request) {
  if (!sameOrigin(request)) return jsonError(403, 'Requête refusée.');
  const user = await getCurrentUser();
  if (!user) return jsonError(401, 'Connectez-vous pour déposer votre CV.');
  if (user.role !== 'CANDIDAT') return jsonError(403, 'Seuls les candidats déposent un CV.');
  if (await consume(RATE_LIMITS.cvUpload, user.id)) {
    return jsonError(429, 'Vous avez envoyé beaucoup de fichiers en peu de temps : réessayez dans une heure.');
  }
  const upload = await readSingleFileUpload(request);
  if (!upload.ok) return jsonError(upload.status, upload.message);
  try {
    const cv = await saveMyCv(user, upload, request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? null);
    revalidatePath('/candidat', 'layout');
    return Response.json({ ok: true, message: CV_MESSAGES.enregistre, cv: { filename: cv.filename, size: cv.size, createdAt: cv.createdAt } });
  } catch (error) {
    if (error instanceof UserFacingError) return jsonError(422, error.message);
    console.error('[cv] dépôt impossible', error);
    return jsonError(500, GENERIC_ERROR_MESSAGE);
  }
}

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, 'Connectez-vous pour télécharger votre CV.');
  if (user.role !== 'CANDIDAT') return jsonError(404, NOT_FOUND_MESSAGE);
  const file = await readMyCv(user);
  return file ? fileResponse(file) : jsonError(404, NOT_FOUND_MESSAGE);
}
