'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { fromUnexpected, fromZodError, isNextControlFlow, ok, type ActionResult } from '@/lib/action-result';
import { signIn } from '@/lib/auth/config';
import { requireStaff } from '@/lib/auth/guards';
import { changeEmail, changePassword, updateMesInformations } from '@/lib/data/compte';
import { db } from '@/lib/db';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';
import {
  changeEmailSchema,
  changePasswordSchema,
  COMPTE_MESSAGES,
  informationsSchema,
  PASSWORD_CHANGED_PARAM,
} from '@/lib/validations/compte';

/* « Mon compte - Mes informations personnelles » of the acteurs: parse → guard → lib/data/compte. */

const PAGE = '/mon-compte/informations';
const PASSWORD_CHANGED_URL = `${PAGE}?${PASSWORD_CHANGED_PARAM}=1`;
const FIELD_ERRORS_SUMMARY = 'Le formulaire contient des erreurs : corrigez les champs indiqués.';

/** Like a zod error: the banner sums up, the precise message stays next to its field. */
function failFrom(error: unknown): ActionResult<never> {
  const result = fromUnexpected(error);
  if (!result.ok && result.fieldErrors && Object.keys(result.fieldErrors).length > 0) {
    return { ...result, formError: FIELD_ERRORS_SUMMARY };
  }
  return result;
}

export async function updateInformationsAction(input: unknown): Promise<ActionResult> {
  const parsed = informationsSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireStaff();
  try {
    await updateMesInformations(user, parsed.data, await clientIp());
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return failFrom(error);
  }
  // the header shows the name on every page
  revalidatePath('/', 'layout');
  return ok(undefined, COMPTE_MESSAGES.informationsSaved);
}

export async function changeEmailAction(input: unknown): Promise<ActionResult> {
  const parsed = changeEmailSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireStaff();
  try {
    await changeEmail(user, parsed.data, await clientIp());
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return failFrom(error);
  }
  kickEmailWorker(db);
  revalidatePath(PAGE);
  return ok(undefined, COMPTE_MESSAGES.emailChanged);
}

export async function changePasswordAction(input: unknown): Promise<ActionResult> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const user = await requireStaff();
  let email: string;
  try {
    ({ email } = await changePassword(user, parsed.data, await clientIp()));
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return failFrom(error);
  }
  kickEmailWorker(db);
  // every session ended with the old version, this one included: sign this browser in again
  try {
    await signIn('credentials', { email, password: parsed.data.newPassword, redirect: false });
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    console.error('[compte] nouvelle session après changement de mot de passe impossible', error);
    redirect('/connexion');
  }
  // A redirect, not a result: setting the cookie makes Next re-render the page in this request,
  // and that render would still read the old (now ended) session from the request headers;
  // a redirect is rendered with the new cookie. The page shows the success message.
  redirect(PASSWORD_CHANGED_URL);
}
