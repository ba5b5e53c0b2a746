import { describe, expect, it } from 'vitest';
import { POINTS, SCORE_MAX, correspondance, romeParent, type OffreCritere, type ProjetCritere } from '@/lib/alertes/matching';

const projet = (p: Partial<ProjetCritere> = {}): ProjetCritere => ({
  romeCode: 'F1608',
  types: ['APPRENTISSAGE'],
  zoneRegion: false,
  departements: ['33'],
  niveau: 3,
  ...p,
});
const offre = (o: Partial<OffreCritere> = {}): OffreCritere => ({
  romeCode: 'F1608',
  types: ['APPRENTISSAGE', 'CONTRAT_PRO'],
  departementCode: '33',
  niveaux: [3, 4],
  ...o,
});

describe('correspondance (Alertes)', () => {
  it('the guide’s example: same métier, apprentissage, Gironde, CAP → four chips, in order', () => {
    expect(correspondance(projet(), offre())).toEqual({
      score: Math.round(((POINTS.memeMetier + POINTS.parType + POINTS.departementChoisi + POINTS.niveau) / SCORE_MAX) * 100),
      raisons: ['Même métier', 'Apprentissage', 'Gironde', 'Niveau CAP, BEP'],
    });
  });

  it('métier: the same ROME code, or the same domain (parent); another domain never matches', () => {
    expect(romeParent('F1619')).toBe('F16');
    expect(correspondance(projet({ romeCode: 'F1610' }), offre())?.raisons[0]).toBe('Métier proche');
    expect(correspondance(projet({ romeCode: 'F1701' }), offre())).toBeNull();
    expect(correspondance(projet({ romeCode: 'D1102' }), offre())).toBeNull();
    expect(correspondance(projet({ romeCode: '' }), offre())).toBeNull();
    const exact = correspondance(projet(), offre())!;
    const proche = correspondance(projet({ romeCode: 'F1610' }), offre())!;
    expect(exact.score).toBeGreaterThan(proche.score);
  });

  it('contract types: at least one in common, one chip per shared type', () => {
    expect(correspondance(projet({ types: ['STAGE_PRO'] }), offre())).toBeNull();
    const deux = correspondance(projet({ types: ['CONTRAT_PRO', 'APPRENTISSAGE', 'STAGE_PRO'] }), offre())!;
    expect(deux.raisons.slice(1, 3)).toEqual(['Apprentissage', 'Contrat de professionnalisation']);
    expect(deux.score).toBeGreaterThan(correspondance(projet(), offre())!.score);
  });

  it('zone: a listed département or the whole region; not another département; an offer without département matches any zone', () => {
    expect(correspondance(projet({ departements: ['40', '64'] }), offre())).toBeNull();
    const region = correspondance(projet({ zoneRegion: true, departements: [] }), offre())!;
    expect(region.raisons).toContain('Gironde');
    expect(region.score).toBeLessThan(correspondance(projet(), offre())!.score);
    const sansDep = correspondance(projet({ departements: ['87'] }), offre({ departementCode: null }))!;
    expect(sansDep.raisons).toContain('Nouvelle-Aquitaine');
  });

  it('level: one of the offer’s levels; unknown on either side neither blocks nor scores', () => {
    expect(correspondance(projet({ niveau: 5 }), offre())).toBeNull();
    expect(correspondance(projet({ niveau: 4 }), offre())?.raisons).toContain('Niveau Bac');
    const inconnu = correspondance(projet({ niveau: null }), offre())!;
    expect(inconnu.raisons).toEqual(['Même métier', 'Apprentissage', 'Gironde']);
    expect(correspondance(projet({ niveau: 7 }), offre({ niveaux: [null] }))?.raisons).toEqual(['Même métier', 'Apprentissage', 'Gironde']);
    expect(correspondance(projet({ niveau: 3 }), offre({ niveaux: [] }))).not.toBeNull();
  });

  it('the score is between 0 and 100 and reaches 100 for a perfect match', () => {
    const parfait = correspondance(
      projet({ types: ['APPRENTISSAGE', 'CONTRAT_PRO', 'STAGE_PRO'] }),
      offre({ types: ['APPRENTISSAGE', 'CONTRAT_PRO', 'STAGE_PRO'] }),
    )!;
    expect(parfait.score).toBe(100);
    const faible = correspondance(projet({ romeCode: 'F1610', zoneRegion: true, departements: [], niveau: null }), offre({ departementCode: null }))!;
    expect(faible.score).toBeGreaterThan(0);
    expect(faible.score).toBeLessThan(50);
  });
});
