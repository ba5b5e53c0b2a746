import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { MALFORMED_FORM_MESSAGE, fromZodError } from '@/lib/action-result';
import { projetSchema } from '@/lib/validations/candidat';
import { employeurDecisionSchema } from '@/lib/validations/employeurs';

/** Found by tests/e2e/fuzz-actions.spec.ts: forged inputs got a 500 or an English message. */
describe('the action result of a refused input', () => {
  it('answers a forged input that is not an object with a French message, never a crash (« Mon projet »)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.anything()), fc.integer(), fc.constantFrom(null, undefined, true)), (input) => {
        const parsed = projetSchema.safeParse(input);
        expect(parsed.success).toBe(false);
        expect(fromZodError(parsed.error!)).toEqual({ ok: false, formError: MALFORMED_FORM_MESSAGE, fieldErrors: {} });
      }),
      { numRuns: 300, seed: 20_261_128 },
    );
  });

  it('names a forged decision of the admin in French', () => {
    const parsed = employeurDecisionSchema.safeParse({ status: 'SUPER_VALIDE' });
    expect(fromZodError(parsed.error!)).toMatchObject({ ok: false, fieldErrors: { status: 'Décision inconnue.' } });
  });

  it('falls back on French messages where a schema gives none', () => {
    expect(fromZodError(z.object({ n: z.number() }).safeParse({ n: Number.NaN }).error!)).toMatchObject({ fieldErrors: { n: 'Valeur invalide : corrigez ce champ.' } });
    expect(fromZodError(z.object({ s: z.string().min(3) }).safeParse({ s: 'a' }).error!)).toMatchObject({ fieldErrors: { s: expect.stringMatching(/^Trop petit/) } });
  });
});
