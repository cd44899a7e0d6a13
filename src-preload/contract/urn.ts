/**
 * Common Platform's URN rule (cpp-context-defence UrnRegex: [0-9]{2}[0-9A-Z]{2}[0-9]{5}[0-9]{2}), with the
 * forgiveness people need: they type "39/gd/11168/22" or "39 GD 11168 22". Shared by main (which
 * enforces it) and the renderer (which explains, as the user types, exactly what is wrong). Pure: no imports.
 */
export const URN_PATTERN = /^[0-9]{2}[0-9A-Z]{2}[0-9]{5}[0-9]{2}$/;
export const URN_LENGTH = 11;

export type UrnProblem =
  | 'empty'
  | 'tooShort'
  | 'tooLong'
  | 'forceNotDigits'
  | 'serialNotDigits'
  | 'yearNotDigits';

export type UrnCheck = { ok: true; urn: string } | { ok: false; problem: UrnProblem; messageKey: string; length: number };

/** Drops spaces, slashes, dashes and anything else that is not a letter or digit, and upper-cases. */
export function normaliseUrn(input: string): string {
  return input.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

export function checkUrn(input: string): UrnCheck {
  const urn = normaliseUrn(input);
  const fail = (problem: UrnProblem): UrnCheck => ({ ok: false, problem, messageKey: `urn.problems.${problem}`, length: urn.length });
  if (urn.length === 0) return fail('empty');
  if (urn.length < URN_LENGTH) return fail('tooShort');
  if (urn.length > URN_LENGTH) return fail('tooLong');
  // Checked part by part so the message can say which part is wrong, as printed on a charge sheet.
  if (!/^[0-9]{2}$/.test(urn.slice(0, 2))) return fail('forceNotDigits');
  // Characters 3–4 (the station code) may be letters or digits, which is all normalisation leaves.
  if (!/^[0-9]{5}$/.test(urn.slice(4, 9))) return fail('serialNotDigits');
  if (!/^[0-9]{2}$/.test(urn.slice(9, 11))) return fail('yearNotDigits');
  return { ok: true, urn };
}

/** "39GD1116822" → "39 GD 11168 22", the way it is printed. */
export function formatUrn(urn: string): string {
  return URN_PATTERN.test(urn) ? `${urn.slice(0, 2)} ${urn.slice(2, 4)} ${urn.slice(4, 9)} ${urn.slice(9)}` : urn;
}
