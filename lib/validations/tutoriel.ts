import { z } from 'zod';
import { TOUR_LENGTH } from '@/lib/tutoriel';

/** The interactive tutorial's actions: which tour, and which step (checked against that tour's length). */

export const TUTORIEL_MESSAGES = {
  parcours: "Ce tutoriel n'existe pas.",
  etape: "Cette étape n'existe pas dans le tutoriel.",
  mauvaisParcours: "Ce tutoriel n'est pas celui de votre espace.",
} as const;

const parcoursSchema = z.enum(['ACTEUR', 'CANDIDAT'], { error: TUTORIEL_MESSAGES.parcours });
const etapeSchema = z.number({ error: TUTORIEL_MESSAGES.etape }).int(TUTORIEL_MESSAGES.etape).min(1, TUTORIEL_MESSAGES.etape);

function withinTour(value: { parcours: keyof typeof TOUR_LENGTH; etape?: number | null }, ctx: z.RefinementCtx) {
  if (value.etape != null && value.etape > TOUR_LENGTH[value.parcours]) {
    ctx.addIssue({ code: 'custom', path: ['etape'], message: TUTORIEL_MESSAGES.etape });
  }
}

/** Save where the user is (also: start, restart, resume). */
export const tutorielEtapeSchema = z.object({ parcours: parcoursSchema, etape: etapeSchema }).strict().superRefine(withinTour);
export type TutorielEtapeInput = z.infer<typeof tutorielEtapeSchema>;

/** « Passer » (the step where he stopped, kept for « Reprendre ») or « Plus tard » (no step). */
export const tutorielPasserSchema = z.object({ parcours: parcoursSchema, etape: etapeSchema.nullable() }).strict().superRefine(withinTour);
export type TutorielPasserInput = z.infer<typeof tutorielPasserSchema>;

/** « Terminer » on the last step. */
export const tutorielTerminerSchema = z.object({ parcours: parcoursSchema }).strict();
export type TutorielTerminerInput = z.infer<typeof tutorielTerminerSchema>;
