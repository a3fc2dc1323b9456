/** VIN check digit (position 9) per 49 CFR 565: transliterate, weight, sum mod 11 ("X" for 10). */
const TRANSLIT: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;

export function vinCheckDigit(vin: string): string | null {
  const v = vin.toUpperCase();
  if (!VIN_PATTERN.test(v)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i];
    const value = /\d/.test(c) ? Number(c) : TRANSLIT[c];
    sum += value * WEIGHTS[i];
  }
  const r = sum % 11;
  return r === 10 ? "X" : String(r);
}

/** Why a VIN is not valid, or null when it is. */
export function vinProblem(vin: string): string | null {
  const v = vin.trim().toUpperCase();
  if (v.length !== 17) return "A VIN has 17 characters.";
  if (!VIN_PATTERN.test(v)) return "A VIN uses digits and capital letters except I, O and Q.";
  if (vinCheckDigit(v) !== v[8])
    return "This VIN's check digit (9th character) does not match; check for a typo.";
  return null;
}
