'use server';

import { fromUnexpected, fromZodError, ok, type ActionResult } from '@/lib/action-result';
import { requireUser } from '@/lib/auth/guards';
import { passerTutoriel, saveTutorielEtape, terminerTutoriel } from '@/lib/data/tutoriel';
import type { TutorielState } from '@/lib/tutoriel';
import { tutorielEtapeSchema, tutorielPasserSchema, tutorielTerminerSchema } from '@/lib/validations/tutoriel';

/**
 * The interactive tutorial (« Suivez le guide ! »): the signed-in user's own progress only. The
 * step is checked against the tour's length, the tour against the user's kind (lib/data/tutoriel).
 * No revalidation: the tour's client state is the answer.
 */

export async function saveTutorielEtapeAction(input: unknown): Promise<ActionResult<TutorielState>> {
  const user = await requireUser();
  const parsed = tutorielEtapeSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    return ok(await saveTutorielEtape(user, parsed.data));
  } catch (error) {
    return fromUnexpected(error);
  }
}

export async function passerTutorielAction(input: unknown): Promise<ActionResult<TutorielState>> {
  const user = await requireUser();
  const parsed = tutorielPasserSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    return ok(await passerTutoriel(user, parsed.data));
  } catch (error) {
    return fromUnexpected(error);
  }
}

export async function terminerTutorielAction(input: unknown): Promise<ActionResult<TutorielState>> {
  const user = await requireUser();
  const parsed = tutorielTerminerSchema.safeParse(input);
  if (!parsed.success) return fromZodError(parsed.error);
  try {
    return ok(await terminerTutoriel(user, parsed.data));
  } catch (error) {
    return fromUnexpected(error);
  }
}
