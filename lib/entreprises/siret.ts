/**
 * SIRET / SIREN checks: Luhn over all digits, with La Poste's exception (SIREN 356000000:
 * a SIRET whose 14 digits sum to a multiple of 5 is valid too, Luhn or not). Spaces, dots and non-breaking
 * spaces in the input are ignored.
 */
export const LA_POSTE_SIREN = '356000000';

export function normalizeSiret(input: string): string {
  return input.replace(/[\s.\u00a0\u202f]/g, '');
}

function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

export function isLuhnValid(digits: string): boolean {
  return /^\d+$/.test(digits) && luhnSum(digits) % 10 === 0;
}

export function isValidSiren(input: string): boolean {
  const v = normalizeSiret(input);
  return /^\d{9}$/.test(v) && v !== '000000000' && isLuhnValid(v);
}

export function isValidSiret(input: string): boolean {
  const v = normalizeSiret(input);
  if (!/^\d{14}$/.test(v) || /^0+$/.test(v)) return false;
  if (v.startsWith(LA_POSTE_SIREN)) {
    const sum = [...v].reduce((s, c) => s + Number(c), 0);
    return sum % 5 === 0 || isLuhnValid(v);
  }
  return isLuhnValid(v);
}

/** Completes 13 digits with the Luhn check digit (test data and the demo seed). */
export function withLuhnCheckDigit(prefix13: string): string {
  for (let d = 0; d <= 9; d++) {
    const candidate = `${prefix13}${d}`;
    if (isLuhnValid(candidate)) return candidate;
  }
  throw new Error('unreachable');
}
