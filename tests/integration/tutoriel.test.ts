import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { claimTutorielInvitation, getTutorielState, passerTutoriel, saveTutorielEtape, terminerTutoriel } from '@/lib/data/tutoriel';
import { TUTORIEL_MESSAGES } from '@/lib/validations/tutoriel';
import { createActeur, createStructure, createUser } from '@/tests/factories';
import { currentUserOf } from '@/tests/helpers/current-user';

const current = (id: string) => currentUserOf(db, id);
async function newGestionnaire() {
  const structure = await createStructure(db);
  return { structure, gestionnaire: await createActeur(db, structure.id, 'GESTIONNAIRE') };
}
const row = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { tutorielStatut: true, tutorialStep: true, tutorialDoneAt: true } });

describe('tutoriel: progress per user', () => {
  it('saves, skips (keeping the step), resumes and finishes the acteur tour of a gestionnaire', async () => {
    const { gestionnaire } = await newGestionnaire();
    const user = await current(gestionnaire.id);
    expect(await getTutorielState(user)).toEqual({ parcours: 'ACTEUR', statut: 'JAMAIS_PROPOSE', etape: null });

    expect(await saveTutorielEtape(user, { parcours: 'ACTEUR', etape: 4 })).toEqual({ parcours: 'ACTEUR', statut: 'EN_COURS', etape: 4 });
    expect(await passerTutoriel(user, { parcours: 'ACTEUR', etape: 5 })).toEqual({ parcours: 'ACTEUR', statut: 'PASSE', etape: 5 });
    // « Plus tard » keeps the step where he stopped
    expect(await passerTutoriel(user, { parcours: 'ACTEUR', etape: null })).toMatchObject({ statut: 'PASSE', etape: 5 });
    expect(await getTutorielState(user)).toEqual({ parcours: 'ACTEUR', statut: 'PASSE', etape: 5 });

    expect(await terminerTutoriel(user, { parcours: 'ACTEUR' })).toEqual({ parcours: 'ACTEUR', statut: 'TERMINE', etape: null });
    const done = await row(gestionnaire.id);
    expect(done.tutorialDoneAt).not.toBeNull();
  });

  it('refuses the acteur tour to a candidate and the candidate tour to an acteur, changing nothing', async () => {
    const candidat = await createUser(db, { role: 'CANDIDAT' });
    const { gestionnaire } = await newGestionnaire();
    await expect(saveTutorielEtape(await current(candidat.id), { parcours: 'ACTEUR', etape: 2 })).rejects.toThrow(TUTORIEL_MESSAGES.mauvaisParcours);
    await expect(passerTutoriel(await current(gestionnaire.id), { parcours: 'CANDIDAT', etape: 1 })).rejects.toThrow(TUTORIEL_MESSAGES.mauvaisParcours);
    await expect(terminerTutoriel(await current(gestionnaire.id), { parcours: 'CANDIDAT' })).rejects.toThrow(TUTORIEL_MESSAGES.mauvaisParcours);
    expect(await row(candidat.id)).toMatchObject({ tutorielStatut: 'JAMAIS_PROPOSE', tutorialStep: null });
    expect(await row(gestionnaire.id)).toMatchObject({ tutorielStatut: 'JAMAIS_PROPOSE', tutorialStep: null });

    expect(await saveTutorielEtape(await current(candidat.id), { parcours: 'CANDIDAT', etape: 3 })).toMatchObject({ statut: 'EN_COURS', etape: 3 });
  });

  it('has no tour for an acteur whose structure is not completed, nor for an admin', async () => {
    const acteur = await createUser(db, { role: 'ACTEUR' });
    const admin = await createUser(db, { role: 'ADMIN' });
    expect(await getTutorielState(await current(acteur.id))).toBeNull();
    expect(await getTutorielState(await current(admin.id))).toBeNull();
    expect(await claimTutorielInvitation(await current(acteur.id))).toBe(false);
    await expect(saveTutorielEtape(await current(acteur.id), { parcours: 'ACTEUR', etape: 1 })).rejects.toThrow(TUTORIEL_MESSAGES.mauvaisParcours);
    await expect(saveTutorielEtape(await current(admin.id), { parcours: 'ACTEUR', etape: 1 })).rejects.toThrow(TUTORIEL_MESSAGES.mauvaisParcours);
    expect(await row(admin.id)).toMatchObject({ tutorielStatut: 'JAMAIS_PROPOSE' });
  });

  it("changes only the caller's own row", async () => {
    const { gestionnaire, structure } = await newGestionnaire();
    const collegue = await createActeur(db, structure.id, 'UTILISATEUR');
    await saveTutorielEtape(await current(collegue.id), { parcours: 'ACTEUR', etape: 7 });
    await saveTutorielEtape(await current(gestionnaire.id), { parcours: 'ACTEUR', etape: 2 });
    await passerTutoriel(await current(gestionnaire.id), { parcours: 'ACTEUR', etape: 3 });
    expect(await row(collegue.id)).toMatchObject({ tutorielStatut: 'EN_COURS', tutorialStep: 7 });
    expect(await row(gestionnaire.id)).toMatchObject({ tutorielStatut: 'PASSE', tutorialStep: 3 });
  });

  it('offers the tour once: only the first of two simultaneous claims wins, never again afterwards', async () => {
    const candidat = await createUser(db, { role: 'CANDIDAT' });
    const user = await current(candidat.id);
    const claims = await Promise.all([claimTutorielInvitation(user), claimTutorielInvitation(user)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimTutorielInvitation(user)).toBe(false);
    expect(await getTutorielState(user)).toMatchObject({ statut: 'PROPOSE' });
    // a user who already started is not offered it either
    const autre = await createUser(db, { role: 'CANDIDAT' });
    await saveTutorielEtape(await current(autre.id), { parcours: 'CANDIDAT', etape: 1 });
    expect(await claimTutorielInvitation(await current(autre.id))).toBe(false);
  });
});
