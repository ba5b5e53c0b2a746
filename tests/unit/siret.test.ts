import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isValidSiren, isValidSiret, normalizeSiret } from '@/lib/entreprises/siret';
import { LOOKUP_MESSAGES, lookupEntreprise, validateSiretInput } from '@/lib/entreprises/recherche-entreprises';
import type { DbClient } from '@/lib/prisma-client';

type Vectors = { rule: string; siret: [string, boolean][]; siren?: [string, boolean][] };

function loadVectors(file: string): Vectors {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Vectors>;
  if (!Array.isArray(parsed.siret)) throw new Error(`${file} : « siret » attendu`);
  return parsed as Vectors;
}

const OWN = loadVectors(path.resolve(import.meta.dirname, '../fixtures/siret-test-vectors.json'));
const REFERENTIELS_DIR = process.env.REFERENTIELS_DIR;

/** The message validateSiretInput must give for an input the checksum functions reject. */
function expectedMessage(raw: string, kindByLength: 'siret' | 'siren' | null): string {
  const v = normalizeSiret(raw);
  if (v === '') return LOOKUP_MESSAGES.empty;
  if (!/^\d+$/.test(v)) return LOOKUP_MESSAGES.nonDigits;
  if (kindByLength === 'siret') return LOOKUP_MESSAGES.invalidSiret;
  if (kindByLength === 'siren') return LOOKUP_MESSAGES.invalidSiren;
  return LOOKUP_MESSAGES.wrongLength(v.length);
}

function kindOf(raw: string): 'siret' | 'siren' | null {
  const n = normalizeSiret(raw).length;
  return n === 14 ? 'siret' : n === 9 ? 'siren' : null;
}

function runVectors(vectors: Vectors) {
  describe('isValidSiret', () => {
    it.each(vectors.siret)('%j → %s', (value, expected) => {
      expect(isValidSiret(value)).toBe(expected);
    });
  });

  describe.runIf(vectors.siren && vectors.siren.length > 0)('isValidSiren', () => {
    it.each(vectors.siren ?? [])('%j → %s', (value, expected) => {
      expect(isValidSiren(value)).toBe(expected);
    });
  });

  describe('validateSiretInput agrees with the vectors', () => {
    const cases: [string, boolean, 'siret' | 'siren'][] = [
      ...vectors.siret.map(([v, ok]) => [v, ok, 'siret'] as [string, boolean, 'siret']),
      ...(vectors.siren ?? []).map(([v, ok]) => [v, ok, 'siren'] as [string, boolean, 'siren']),
    ];
    it.each(cases)('%j (%s, as a %s)', (value, expected, listedAs) => {
      const result = validateSiretInput(value);
      if (expected) {
        expect(result).toEqual({ ok: true, kind: listedAs, value: normalizeSiret(value) });
      } else {
        expect(result).toEqual({ ok: false, message: expectedMessage(value, kindOf(value)) });
      }
    });
  });
}

describe('vecteurs du projet (tests/fixtures/siret-test-vectors.json)', () => {
  it('include every case of the shared reference file, with SIREN cases too', () => {
    const values = OWN.siret.map(([v]) => v);
    for (const v of ['81280923400014', '35600000049837', '35600000049220', '+1234567890128', '812 809 234 00014']) {
      expect(values).toContain(v);
    }
    expect(OWN.siren?.length).toBeGreaterThan(5);
  });
  runVectors(OWN);
});

describe.runIf(REFERENTIELS_DIR)('vecteurs partagés (REFERENTIELS_DIR/entreprises/siret-test-vectors.json)', () => {
  // the body is collected even when skipped: read the file only when the directory is given
  if (REFERENTIELS_DIR) runVectors(loadVectors(path.join(REFERENTIELS_DIR, 'entreprises', 'siret-test-vectors.json')));
});

describe('validateSiretInput', () => {
  it.each([
    ['', LOOKUP_MESSAGES.empty],
    ['   ', LOOKUP_MESSAGES.empty],
    ['\u00a0. .', LOOKUP_MESSAGES.empty],
    ['abc', LOOKUP_MESSAGES.nonDigits],
    ['913-579-249-00016', LOOKUP_MESSAGES.nonDigits],
    ['FR913579249', LOOKUP_MESSAGES.nonDigits],
    ['+33556000000', LOOKUP_MESSAGES.nonDigits],
    ['18', LOOKUP_MESSAGES.wrongLength(2)],
    ['9135792490001', LOOKUP_MESSAGES.wrongLength(13)],
    ['913 579 249 000 160', LOOKUP_MESSAGES.wrongLength(15)],
    ['91357924900017', LOOKUP_MESSAGES.invalidSiret],
    ['00000000000000', LOOKUP_MESSAGES.invalidSiret],
    ['35600000049220', LOOKUP_MESSAGES.invalidSiret],
    ['913579248', LOOKUP_MESSAGES.invalidSiren],
    ['000000000', LOOKUP_MESSAGES.invalidSiren],
  ])('%j → « %s »', (raw, message) => {
    expect(validateSiretInput(raw)).toEqual({ ok: false, message });
  });

  it('gives the exact wording of the messages', () => {
    expect(LOOKUP_MESSAGES.nonDigits).toBe('Le numéro ne doit contenir que des chiffres (14 pour un SIRET, 9 pour un SIREN).');
    expect(LOOKUP_MESSAGES.invalidSiret).toBe("Ce numéro de SIRET n'est pas valide : vérifiez les chiffres saisis.");
    expect(LOOKUP_MESSAGES.invalidSiren).toBe("Ce numéro de SIREN n'est pas valide : vérifiez les chiffres saisis.");
    expect(LOOKUP_MESSAGES.wrongLength(12)).toContain('12');
  });

  it('ignores spaces, dots and non-breaking spaces, and tells a SIRET from a SIREN', () => {
    expect(validateSiretInput(' 913 579 249 00016 ')).toEqual({ ok: true, kind: 'siret', value: '91357924900016' });
    expect(validateSiretInput('913.579.249.00016')).toEqual({ ok: true, kind: 'siret', value: '91357924900016' });
    expect(validateSiretInput('913\u00a0579\u202f249')).toEqual({ ok: true, kind: 'siren', value: '913579249' });
    expect(validateSiretInput('35600000012341')).toEqual({ ok: true, kind: 'siret', value: '35600000012341' });
  });
});

describe('lookupEntreprise on an invalid input', () => {
  it('answers « invalid » without a request nor a database access', async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    const db = new Proxy({} as DbClient, {
      get() {
        throw new Error('no database access expected');
      },
    });
    for (const raw of ['', 'abc', '18', '91357924900017', '913579248']) {
      const result = await lookupEntreprise(db, raw, { baseUrl: 'http://127.0.0.1:9', fetchImpl });
      expect(result).toEqual({ status: 'invalid', message: (validateSiretInput(raw) as { message: string }).message });
    }
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
