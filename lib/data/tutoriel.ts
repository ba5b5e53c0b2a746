import 'server-only';
import type { CurrentUser } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { UserFacingError } from '@/lib/errors';
import { parcoursFor, TOUR_LENGTH, type Parcours, type TutorielState } from '@/lib/tutoriel';
import { TUTORIEL_MESSAGES, type TutorielEtapeInput, type TutorielPasserInput, type TutorielTerminerInput } from '@/lib/validations/tutoriel';

/** The interactive tutorial's per-user progress: every query is the caller's own row. */

const STATE_SELECT = { tutorielStatut: true, tutorialStep: true } as const;

function toState(parcours: Parcours, row: { tutorielStatut: TutorielState['statut']; tutorialStep: number | null }): TutorielState {
  // a step beyond the tour (the tour got shorter since) resumes at its last step
  const etape = row.tutorialStep == null ? null : Math.min(row.tutorialStep, TOUR_LENGTH[parcours]);
  return { parcours, statut: row.tutorielStatut, etape };
}

/** The tour this user may follow must be the one he asks for (acteur tour for staff, candidate tour for candidates). */
function ownParcours(user: CurrentUser, asked: Parcours): Parcours {
  if (parcoursFor(user) !== asked) throw new UserFacingError(TUTORIEL_MESSAGES.mauvaisParcours);
  return asked;
}

/** Null for a user who has no tour (admin, acteur whose structure is not completed yet). */
export async function getTutorielState(user: CurrentUser): Promise<TutorielState | null> {
  const parcours = parcoursFor(user);
  if (!parcours) return null;
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: STATE_SELECT });
  return toState(parcours, row);
}

/**
 * « Offered once »: true only for the one request that moves the user from « never offered » to
 * « offered » (a conditional update, so two tabs cannot both show the invitation).
 */
export async function claimTutorielInvitation(user: CurrentUser): Promise<boolean> {
  if (!parcoursFor(user)) return false;
  const { count } = await db.user.updateMany({ where: { id: user.id, tutorielStatut: 'JAMAIS_PROPOSE' }, data: { tutorielStatut: 'PROPOSE' } });
  return count === 1;
}

/** Start, move to, resume or restart at a step. */
export async function saveTutorielEtape(user: CurrentUser, input: TutorielEtapeInput): Promise<TutorielState> {
  const parcours = ownParcours(user, input.parcours);
  const row = await db.user.update({ where: { id: user.id }, data: { tutorielStatut: 'EN_COURS', tutorialStep: input.etape }, select: STATE_SELECT });
  return toState(parcours, row);
}

/** « Passer » / « Plus tard »: stops the tour, keeping the step where he stopped (if any) for « Reprendre ». */
export async function passerTutoriel(user: CurrentUser, input: TutorielPasserInput): Promise<TutorielState> {
  const parcours = ownParcours(user, input.parcours);
  const row = await db.user.update({
    where: { id: user.id },
    data: { tutorielStatut: 'PASSE', ...(input.etape != null ? { tutorialStep: input.etape } : {}) },
    select: STATE_SELECT,
  });
  return toState(parcours, row);
}

/** « Terminer » on the last step. */
export async function terminerTutoriel(user: CurrentUser, input: TutorielTerminerInput): Promise<TutorielState> {
  const parcours = ownParcours(user, input.parcours);
  const row = await db.user.update({
    where: { id: user.id },
    data: { tutorielStatut: 'TERMINE', tutorialStep: null, tutorialDoneAt: new Date() },
    select: STATE_SELECT,
  });
  return toState(parcours, row);
}
