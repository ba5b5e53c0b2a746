import { describe, expect, it } from 'vitest';
import { RECHERCHE_LIMIT, libelleDiplome, searchAppellations, searchCertifications } from '@/lib/data/referentiels';
import { rechercheSchema } from '@/lib/validations/offre';

const MOSAISTE = 'Carreleur / Carreleuse mosaïste';

async function libelles(q: string) {
  return (await searchAppellations(q)).map((a) => a.libelle);
}

describe('searchAppellations (« Métier »)', () => {
  // with the full ROME (REFERENTIELS_DIR), « Mosaïste » and « Mosaïste d'art » rightly come first for
  // « mosaiste » (they start with it); the curated set has only the carreleur: top 3 holds in both
  it.each(['carreleur', 'CARRELEUSE', '  Carreleur  '])('« %s » finds « Carreleur / Carreleuse mosaïste » at the top', async (q) => {
    const found = await libelles(q);
    expect(found.slice(0, 3)).toContain(MOSAISTE);
  });

  // with the full ROME (REFERENTIELS_DIR), « Mosaïste », « Mosaïste d'art »… rightly come first (they start
  // with the text), then the titles where a word starts with it: the carreleur is among those
  it.each(['mosaiste', 'mosaïste'])('« %s » finds it with its ROME code and version, after better matches only', async (q) => {
    const found = await searchAppellations(q);
    expect(found).toContainEqual({ code: '11691', libelle: MOSAISTE, romeCode: 'F1608', version: '460' });
    const index = found.findIndex((a) => a.code === '11691');
    expect(found.slice(0, index).every((a) => /(^|[\s/'-])mosa[iï]ste/i.test(a.libelle))).toBe(true);
  });

  it('finds near matches through trigram similarity (« carleur »)', async () => {
    const found = await libelles('carleur');
    expect(found.slice(0, 3)).toContain(MOSAISTE);
  });

  it('puts the titles starting with the text before those only containing it', async () => {
    const found = await libelles('couvreur');
    expect(found[0]).toMatch(/^Couvreur/);
    const firstContaining = found.findIndex((l) => !/^couvreur/i.test(l));
    if (firstContaining >= 0) expect(found.slice(firstContaining).every((l) => !/^couvreur/i.test(l))).toBe(true);
  });

  it('treats LIKE wildcards as text and answers at most 20 results', async () => {
    expect(await libelles('%%')).toEqual([]);
    expect((await searchAppellations('eu')).length).toBeLessThanOrEqual(RECHERCHE_LIMIT);
    expect(await searchAppellations('c')).toEqual([]);
  });

  it('validates the text of the autocompletes: trimmed, 2 to 100 characters', () => {
    expect(rechercheSchema.safeParse(' a ').success).toBe(false);
    expect(rechercheSchema.parse('  ca ')).toBe('ca');
    expect(rechercheSchema.safeParse('x'.repeat(101)).success).toBe(false);
    expect(rechercheSchema.safeParse(12).success).toBe(false);
  });
});

describe('searchCertifications (« Diplôme ou formation à préparer »)', () => {
  it('finds diplomas accent- and case-insensitively, each with its level', async () => {
    const found = await searchCertifications('CARRELEUR MOSAISTE');
    expect(found.map((c) => c.intitule)).toEqual(expect.arrayContaining(['CAP - Carreleur Mosaïste', 'BP - Carreleur mosaiste']));
    const cap = found.find((c) => c.intitule === 'CAP - Carreleur Mosaïste')!;
    expect(cap).toMatchObject({ niveau: 3, libelleNiveau: 'Niveau CAP, BEP', active: true });
    expect(libelleDiplome(cap)).toBe('CAP - Carreleur Mosaïste — Niveau CAP, BEP');
    expect(found.find((c) => c.intitule === 'BP - Carreleur mosaiste')).toMatchObject({ niveau: 4, libelleNiveau: 'Niveau Bac' });
  });

  it('shows one line per title and level, the active version first', async () => {
    const found = await searchCertifications('carreleur mosa');
    expect(found.filter((c) => c.intitule === 'CAP - Carreleur Mosaïste')).toEqual([expect.objectContaining({ active: true })]);
    const actives = found.map((c) => c.active);
    expect(actives).toEqual([...actives].sort((a, b) => Number(b) - Number(a)));
  });

  it('finds near matches (« couvreur zingeur »)', async () => {
    const found = await searchCertifications('zingeur');
    expect(found.some((c) => /zingueur/i.test(c.intitule))).toBe(true);
  });

  it('gives a level label for BTS-level diplomas', () => {
    expect(libelleDiplome({ intitule: 'Couvreur-zingueur (BM)', niveau: 5 })).toBe('Couvreur-zingueur (BM) — Niveau BTS, DUT, DEUST');
    expect(libelleDiplome({ intitule: 'Sans niveau', niveau: null })).toBe('Sans niveau');
  });
});
