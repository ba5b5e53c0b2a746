import { describe, expect, it } from 'vitest';
import { parcoursFor, progressLabel, stepsFor, TOUR_LENGTH } from '@/lib/tutoriel';
import { TUTORIEL_MESSAGES, tutorielEtapeSchema, tutorielPasserSchema } from '@/lib/validations/tutoriel';

describe('tutoriel: validation', () => {
  it('accepts the steps of each tour and refuses any other step, with a French message', () => {
    expect(TOUR_LENGTH).toEqual({ ACTEUR: 13, CANDIDAT: 4 });
    expect(tutorielEtapeSchema.safeParse({ parcours: 'ACTEUR', etape: 13 }).success).toBe(true);
    expect(tutorielEtapeSchema.safeParse({ parcours: 'CANDIDAT', etape: 4 }).success).toBe(true);
    for (const bad of [
      { parcours: 'CANDIDAT', etape: 5 },
      { parcours: 'ACTEUR', etape: 14 },
      { parcours: 'ACTEUR', etape: 0 },
      { parcours: 'ACTEUR', etape: 2.5 },
      { parcours: 'ACTEUR', etape: '3' },
    ]) {
      const parsed = tutorielEtapeSchema.safeParse(bad);
      expect(parsed.success, JSON.stringify(bad)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe(TUTORIEL_MESSAGES.etape);
    }
    expect(tutorielEtapeSchema.safeParse({ parcours: 'ADMIN', etape: 1 }).error?.issues[0]?.message).toBe(TUTORIEL_MESSAGES.parcours);
    expect(tutorielEtapeSchema.safeParse({ parcours: 'ACTEUR', etape: 1, userId: 'x' }).success).toBe(false);
    expect(tutorielPasserSchema.safeParse({ parcours: 'ACTEUR', etape: null }).success).toBe(true);
  });

  it('shows an UTILISATEUR why « Utilisateurs de ma structure » is not his, on a page he can open', () => {
    const gestionnaire = stepsFor('ACTEUR', { gestionnaire: true });
    const utilisateur = stepsFor('ACTEUR', { gestionnaire: false });
    expect(gestionnaire.map((s) => s.title)).toEqual(utilisateur.map((s) => s.title));
    expect(gestionnaire[5]).toMatchObject({ title: 'Utilisateurs de ma structure', route: '/mon-compte/utilisateurs' });
    expect(utilisateur[5]?.route).toBe('/mon-compte/informations');
    expect(utilisateur[5]?.text).toContain('seul le gestionnaire peut accéder aux rôles utilisateurs de ma structure');
  });
});

describe('tutoriel: tours', () => {
  it('gives the acteur tour to an acteur with a completed structure, the candidate tour to a candidate, none to others', () => {
    const structure = (completedAt: Date | null) => ({ structure: { completedAt } });
    expect(parcoursFor({ role: 'ACTEUR', membership: structure(new Date()) })).toBe('ACTEUR');
    expect(parcoursFor({ role: 'ACTEUR', membership: structure(null) })).toBeNull();
    expect(parcoursFor({ role: 'ACTEUR', membership: null })).toBeNull();
    expect(parcoursFor({ role: 'CANDIDAT', membership: null })).toBe('CANDIDAT');
    expect(parcoursFor({ role: 'ADMIN', membership: null })).toBeNull();
    expect(parcoursFor(null)).toBeNull();
  });

  it('walks the guide’s chapters in its order, with its titles, and says the progress aloud', () => {
    expect(stepsFor('ACTEUR', { gestionnaire: true }).map((s) => s.title)).toEqual([
      'Se connecter',
      'Créer la structure',
      'Focus sur le stage de troisième',
      'Ma structure',
      'Mes informations personnelles',
      'Utilisateurs de ma structure',
      'Suivi des employeurs',
      'Créer une offre',
      'Gérer ses offres',
      'Tableau de bord',
      'Marquer des profils en favori',
      'Gérer les candidatures à vos offres',
      'Répondre à une candidature',
    ]);
    expect(progressLabel(3, 13)).toEqual({ visible: '3 / 13', spoken: 'Étape 3 sur 13' });
  });
});
