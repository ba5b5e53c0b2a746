'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fail, fromUnexpected, fromZodError, isNextControlFlow, ok, type ActionResult } from '@/lib/action-result';
import { signIn, signOut } from '@/lib/auth/config';
import { requireStaff } from '@/lib/auth/guards';
import { getCurrentUser } from '@/lib/auth/session';
import { acceptInvitation, addMembre, cancelInvitation, removeMembre, transferRights } from '@/lib/data/membres';
import { db } from '@/lib/db';
import { formatDate, formatNumero } from '@/lib/format';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';
import {
  acceptInvitationSchema,
  addMembreSchema,
  invitationIdSchema,
  invitationTokenSchema,
  MEMBRES_MESSAGES,
  membreSelectionSchema,
} from '@/lib/validations/membres';

/**
 * « Utilisateurs de ma structure ». Each action parses its input, then checks that the caller is
 * a gestionnaire (requireStaff redirects anyone else to « / » with the guide's message), then
 * lets lib/data/membres check it again inside the transaction and scope everything to his
 * structure.
 */

const PAGE = '/mon-compte/utilisateurs';

export async function addMembreAction(input: unknown): Promise<ActionResult> {
  const parsed = addMembreSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireStaff({ role: 'GESTIONNAIRE' });
  try {
    const result = await addMembre(user, parsed.data, { ip: await clientIp() });
    kickEmailWorker(db);
    revalidatePath(PAGE);
    return ok(
      undefined,
      result.kind === 'ajoute'
        ? `${result.email} a rejoint votre structure en tant que ${result.role} ${formatNumero('utilisateur', result.numero)}. Un e-mail l'en informe.`
        : `Une invitation a été envoyée à ${result.email} (rôle ${result.role}). Le lien est valable jusqu'au ${formatDate(result.expiresAt)}.`,
    );
  } catch (error) {
    return fromUnexpected(error);
  }
}

export async function cancelInvitationAction(input: unknown): Promise<ActionResult> {
  const parsed = invitationIdSchema.safeParse(input);
  if (!parsed.success) return fail(MEMBRES_MESSAGES.invitationIntrouvable);
  const user = await requireStaff({ role: 'GESTIONNAIRE' });
  try {
    const { email } = await cancelInvitation(user, parsed.data.id, { ip: await clientIp() });
    kickEmailWorker(db);
    revalidatePath(PAGE);
    return ok(undefined, `L'invitation envoyée à ${email} a été annulée.`);
  } catch (error) {
    return fromUnexpected(error);
  }
}

export async function removeMembreAction(input: unknown): Promise<ActionResult> {
  const parsed = membreSelectionSchema.safeParse(input);
  if (!parsed.success) return fail(MEMBRES_MESSAGES.selectionRequise);
  const user = await requireStaff({ role: 'GESTIONNAIRE' });
  try {
    const { email, numero } = await removeMembre(user, parsed.data.numero, { ip: await clientIp() });
    kickEmailWorker(db);
    revalidatePath(PAGE);
    return ok(undefined, `${email} (${formatNumero('utilisateur', numero)}) a été retiré(e) de votre structure.`);
  } catch (error) {
    return fromUnexpected(error);
  }
}

/** After the transfer the caller is an UTILISATEUR: this page is no longer his. */
export async function transferRightsAction(input: unknown): Promise<ActionResult> {
  const parsed = membreSelectionSchema.safeParse(input);
  if (!parsed.success) return fail(MEMBRES_MESSAGES.selectionRequise);
  const user = await requireStaff({ role: 'GESTIONNAIRE' });
  try {
    await transferRights(user, parsed.data.numero, { ip: await clientIp() });
    kickEmailWorker(db);
  } catch (error) {
    return fromUnexpected(error);
  }
  revalidatePath(PAGE);
  redirect('/mon-espace?droits=transferes');
}

/** Creates the invited person's account, joins the structure, then signs him in. */
export async function acceptInvitationAction(input: unknown): Promise<ActionResult> {
  const parsed = acceptInvitationSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  if (await getCurrentUser()) return fail(MEMBRES_MESSAGES.deconnexionRequise);
  const { token, prenom, nom, telephone, password } = parsed.data;
  let email: string;
  try {
    ({ email } = await acceptInvitation({ token, prenom, nom, telephone, password }, { ip: await clientIp() }));
    kickEmailWorker(db);
  } catch (error) {
    return fromUnexpected(error);
  }
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    // the account exists and belongs to the structure: only the automatic sign-in failed
    redirect('/connexion');
  }
  redirect('/mon-espace');
}

/** « Se déconnecter » from the invitation page: back to the same link, signed out. */
export async function signOutForInvitationAction(token: unknown): Promise<void> {
  const parsed = invitationTokenSchema.safeParse(token);
  await signOut({ redirectTo: parsed.success ? `/invitation/${encodeURIComponent(parsed.data)}` : '/connexion?deconnecte=1' });
}
