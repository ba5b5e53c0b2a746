'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { redirect } from 'next/navigation';
import { fail, fromUnexpected, fromZodError, isNextControlFlow, ok, type ActionResult } from '@/lib/action-result';
import { signIn, signOut } from '@/lib/auth/config';
import { callbackAllowedFor, homePathFor, safeCallbackPath } from '@/lib/auth/permissions';
import { createAccount, requestPasswordReset, resetPassword } from '@/lib/data/auth';
import { RATE_LIMIT_MESSAGE } from '@/lib/data/rate-limit';
import { db } from '@/lib/db';
import { RESET_REQUESTED_MESSAGE, WRONG_CREDENTIALS_MESSAGE } from '@/lib/messages';
import { kickEmailWorker } from '@/lib/jobs/email-worker';
import { clientIp } from '@/lib/request';
import {
  forgotPasswordSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
} from '@/lib/validations/auth';

async function landingFor(email: string, callbackUrl?: string): Promise<string> {
  const user = await db.user.findUnique({
    where: { email },
    select: { role: true, membership: { select: { role: true, structure: { select: { id: true, numero: true, raisonSociale: true, completedAt: true, active: true } } } } },
  });
  if (!user) return '/';
  const callback = safeCallbackPath(callbackUrl);
  if (callback && callbackAllowedFor(user, callback) && !(user.role === 'ACTEUR' && !user.membership?.structure.completedAt)) {
    return callback;
  }
  return homePathFor(user);
}

export async function signInAction(input: unknown): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const { email, password, callbackUrl } = parsed.data;
  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'rate_limited') return fail(RATE_LIMIT_MESSAGE);
    if (error instanceof AuthError) return fail(WRONG_CREDENTIALS_MESSAGE);
    return fromUnexpected(error);
  }
  redirect(await landingFor(email, callbackUrl));
}

export async function signUpAction(input: unknown): Promise<ActionResult> {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  const { kind, prenom, nom, email, telephone, password, callbackUrl } = parsed.data;
  try {
    await createAccount({ kind, prenom, nom, email, telephone, password, ip: await clientIp() });
    kickEmailWorker(db);
    await signIn('credentials', { email, password, redirect: false });
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return fromUnexpected(error);
  }
  // back to where the visitor was going (an offer's « Postuler »), when that suits the new account
  redirect(await landingFor(email, callbackUrl));
}

export async function forgotPasswordAction(input: unknown): Promise<ActionResult> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    await requestPasswordReset(parsed.data.email, await clientIp());
    kickEmailWorker(db);
    return ok(undefined, RESET_REQUESTED_MESSAGE);
  } catch (error) {
    return fromUnexpected(error);
  }
}

export async function resetPasswordAction(input: unknown): Promise<ActionResult> {
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    await resetPassword(parsed.data.token, parsed.data.password);
  } catch (error) {
    return fromUnexpected(error);
  }
  redirect('/connexion?reinitialise=1');
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/connexion?deconnecte=1' });
}
