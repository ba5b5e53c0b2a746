import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { GENERIC_ERROR_MESSAGE, UserFacingError } from '@/lib/errors';

// Every schema gives its own French messages; for any case one forgot (a forged enum, a
// discriminator), zod's defaults are French too, never « Invalid input » (every action imports this),
// and a value of the wrong type (only a forged request sends one) is named without zod's jargon.
z.config(z.locales.fr());
z.config({ customError: (issue) => (issue.code === 'invalid_type' ? 'Valeur invalide : corrigez ce champ.' : undefined) });

/** The one result type of every server action, for useActionState and react-hook-form's setError. */
export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string> };

export function ok<T>(data?: T, message?: string): ActionResult<T> {
  return { ok: true, data, message };
}

export function fail(formError?: string, fieldErrors?: Record<string, string>): ActionResult<never> {
  return { ok: false, formError, fieldErrors };
}

export const MALFORMED_FORM_MESSAGE = "Le formulaire envoyé est incomplet : rechargez la page puis réessayez.";

/** First message of each field, keyed by its dotted path. */
export function fromZodError(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    // the input as a whole is not what a form sends (forged: a string, an array, null…)
    fieldErrors[key] ??= key === '_form' && issue.code === 'invalid_type' ? MALFORMED_FORM_MESSAGE : issue.message;
  }
  const formError = fieldErrors._form ?? 'Le formulaire contient des erreurs : corrigez les champs indiqués.';
  delete fieldErrors._form;
  return { ok: false, formError, fieldErrors };
}

/** Expected errors are shown; anything else is logged with a request id and shown as a generic message. */
export function fromUnexpected(error: unknown): ActionResult<never> {
  if (error instanceof UserFacingError) return fail(error.message, error.fieldErrors);
  const id = randomUUID().slice(0, 8);
  console.error(`[action] erreur ${id}`, error);
  return fail(`${GENERIC_ERROR_MESSAGE} (référence ${id})`);
}

/** Next's redirect()/notFound() throw special errors that must be rethrown, not caught. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND');
}
