import { getCurrentUser } from '@/lib/auth/session';
import { exportMyData } from '@/lib/data/rgpd';
import { jsonError } from '@/lib/uploads/responses';

export const dynamic = 'force-dynamic';

/** « Télécharger mes données »: everything the platform holds about the candidate, CV included. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return jsonError(401, 'Connectez-vous pour télécharger vos données.');
  if (user.role !== 'CANDIDAT') return jsonError(404, 'Page introuvable.');
  const data = await exportMyData(user);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="cmonalternance-mes-donnees-${day}.json"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
