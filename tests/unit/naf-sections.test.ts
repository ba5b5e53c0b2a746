import { describe, expect, it } from 'vitest';
import { libelleNafSection, NAF_SECTIONS, sectionForNaf } from '@/lib/referentiels/naf-sections';
import { libelleNiveau, NIVEAUX } from '@/lib/referentiels/niveaux';
import { repairMojibake, romeVersionFromFileName } from '@/lib/referentiels/import';

describe('sectionForNaf', () => {
  it.each([
    ['43.33Z', 'F'],
    ['85.59A', 'P'],
    ['01.11Z', 'A'],
    ['03.22Z', 'A'],
    ['05.10Z', 'B'],
    ['33.20C', 'C'],
    ['35.11Z', 'D'],
    ['47.11F', 'G'],
    ['56.10A', 'I'],
    ['62.01Z', 'J'],
    ['86.10Z', 'Q'],
    ['96.02A', 'S'],
    ['99.00Z', 'U'],
  ])('%s → %s', (code, section) => {
    expect(sectionForNaf(code)).toBe(section);
  });

  it('accepts the other usual spellings of a code', () => {
    expect(sectionForNaf('4333Z')).toBe('F');
    expect(sectionForNaf(' 43.33z ')).toBe('F');
    expect(sectionForNaf('43.33')).toBe('F');
    expect(sectionForNaf('43.3')).toBe('F');
    expect(sectionForNaf('43')).toBe('F');
  });

  it('returns null for anything that is not a NAF code', () => {
    for (const garbage of ['', 'abc', 'F', '4', '433.3Z', '43.33ZZ', '43-33Z', '00.00Z', '04.00Z', '34.00Z']) {
      expect(sectionForNaf(garbage)).toBeNull();
    }
    expect(sectionForNaf(null)).toBeNull();
    expect(sectionForNaf(undefined)).toBeNull();
  });

  it('has the 21 sections A–U with ordered, non-overlapping division ranges', () => {
    expect(NAF_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    let last = 0;
    for (const s of NAF_SECTIONS) {
      const [from, to] = s.divisions.map(Number) as [number, number];
      expect(from).toBeGreaterThan(last);
      expect(to).toBeGreaterThanOrEqual(from);
      last = to;
    }
    expect(libelleNafSection('F')).toBe('Construction');
    expect(libelleNafSection('Z')).toBeNull();
  });
});

describe('libelleNiveau', () => {
  it('gives the usual form label of each level', () => {
    expect(libelleNiveau(3)).toBe('Niveau CAP, BEP');
    expect(libelleNiveau(4)).toBe('Niveau Bac');
    expect(libelleNiveau(5)).toBe('Niveau BTS, DUT, DEUST');
    expect(libelleNiveau(6)).toBe('Niveau Licence, BUT');
    expect(libelleNiveau(7)).toBe("Niveau Master, DEA, DESS, Diplôme d'ingénieur");
    expect(libelleNiveau(8)).toBe('Niveau Doctorat');
  });

  it('handles levels outside 3..8 and missing levels', () => {
    expect(libelleNiveau(2)).toBe('Niveau 2');
    expect(libelleNiveau(null)).toBe('');
    expect(libelleNiveau(undefined)).toBe('');
    expect(libelleNiveau(4.5)).toBe('');
  });

  it('lists the 6 levels with their former wording', () => {
    expect(NIVEAUX.map((n) => n.niveau)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(NIVEAUX.map((n) => n.ancien)).toEqual(['Niveau V', 'Niveau IV', 'Niveau III', 'Niveau II', 'Niveau I', 'Niveau I']);
  });
});

describe("helpers d'import", () => {
  it('derives the ROME version from the official file names', () => {
    expect(romeVersionFromFileName('unix_referentiel_code_rome_v460_utf8.csv')).toBe('460');
    expect(romeVersionFromFileName('/tmp/x/unix_referentiel_appellation_v459_utf8.csv')).toBe('459');
    expect(romeVersionFromFileName('unix_referentiel_code_rome_curated.csv')).toBeNull();
  });

  it('repairs UTF-8 text decoded as Windows-1252 and leaves clean text alone', () => {
    expect(repairMojibake('COMPTABILITE ET GESTION (DIPLÃ”ME DE) (DCG)')).toBe('COMPTABILITE ET GESTION (DIPLÔME DE) (DCG)');
    expect(repairMojibake('COMMUNICATION, MÃ‰DIAS')).toBe('COMMUNICATION, MÉDIAS');
    expect(repairMojibake('SYSTÃˆME')).toBe('SYSTÈME');
    expect(repairMojibake('Diplôme d’État')).toBe('Diplôme d’État');
    expect(repairMojibake('Ã la carte')).toBe('Ã la carte');
  });
});
