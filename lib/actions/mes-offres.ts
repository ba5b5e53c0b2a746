'use server';

import { revalidatePath } from 'next/cache';
import { fail, fromUnexpected, fromZodError, ok, type ActionResult } from '@/lib/action-result';
import { requireStaff } from '@/lib/auth/guards';
import { setOffreStatus } from '@/lib/data/mes-offres';
import { formatNumero } from '@/lib/format';
import { clientIp } from '@/lib/request';
import { MES_OFFRES_MESSAGES, MES_OFFRES_PATH, STATUT_DEJA, offreStatusSchema } from '@/lib/validations/mes-offres';

/**
 * « Suivi de mes offres »: « POURVUE », « ARCHIVER », « Remettre en cours ». Parses the input,
 * requires a member of a completed structure, then lets lib/data scope the offer to his structure
 * (another structure's number answers « introuvable »).
 */
export async function setOffreStatusAction(input: unknown): Promise<ActionResult> {
  const parsed = offreStatusSchema.safeParse(input);
  if (!parsed.success) {
    const statusIssue = parsed.error.issues.find((i) => i.path[0] === 'status');
    return statusIssue ? fromZodError(parsed.error) : fail(MES_OFFRES_MESSAGES.offreIntrouvable);
  }
  const user = await requireStaff();
  const { numero, status } = parsed.data;
  try {
    const change = await setOffreStatus(user, numero, status, { ip: await clientIp() });
    revalidatePath(MES_OFFRES_PATH);
    revalidatePath('/mon-espace');
    if (!change.changed) return ok(undefined, STATUT_DEJA[status]);
    const offre = `L'offre ${formatNumero('offre', numero)}`;
    return ok(
      undefined,
      status === 'POURVUE'
        ? `${offre} est maintenant pourvue : vous la retrouvez dans l'onglet « Pourvues ».`
        : status === 'ARCHIVEE'
          ? `${offre} est maintenant archivée : vous la retrouvez dans l'onglet « Archivées ».`
          : `${offre} est de nouveau en cours : les candidats peuvent la consulter et postuler. Vous la retrouvez dans l'onglet « En cours ».`,
    );
  } catch (error) {
    return fromUnexpected(error);
  }
}
