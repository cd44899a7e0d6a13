/**
 * The one Range form pdf.js sends: `bytes=first-last`, `bytes=first-` or `bytes=-suffix` (RFC 9110
 * §14.1.2). Written independently of the sandbox's parser on purpose: the sandbox is the test double
 * the app's client is checked against, and a shared parser would hide one bug on both sides.
 */
export type RequestedRange = { kind: 'whole' } | { kind: 'part'; first: number; last: number } | { kind: 'unsatisfiable' };

const SINGLE_RANGE = /^bytes=(?<first>\d{0,15})-(?<last>\d{0,15})$/;

export function requestedRange(header: string | null, size: number): RequestedRange {
  if (header === null) return { kind: 'whole' };
  const groups = SINGLE_RANGE.exec(header.trim())?.groups;
  // Several ranges, another unit or nonsense: the whole file is a correct answer (RFC 9110 §14.2).
  if (!groups) return { kind: 'whole' };
  const firstText = groups.first ?? '';
  const lastText = groups.last ?? '';
  if (firstText === '' && lastText === '') return { kind: 'whole' };
  if (firstText === '') {
    const suffix = Number(lastText);
    return suffix === 0 || size === 0 ? { kind: 'unsatisfiable' } : { kind: 'part', first: Math.max(0, size - suffix), last: size - 1 };
  }
  const first = Number(firstText);
  if (first >= size) return { kind: 'unsatisfiable' };
  const last = lastText === '' ? size - 1 : Number(lastText);
  if (last < first) return { kind: 'unsatisfiable' };
  return { kind: 'part', first, last: Math.min(last, size - 1) };
}
