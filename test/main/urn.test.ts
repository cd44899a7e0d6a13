import { describe, expect, it } from 'vitest';
import { checkUrn, formatUrn, normaliseUrn } from '../../src-preload/api';

describe('URN rules', () => {
  it.each([
    ['39GD1116822', '39GD1116822'],
    ['39/GD/11168/22', '39GD1116822'],
    [' 39 gd 11168 22 ', '39GD1116822'],
    ['39-gd-11168-22', '39GD1116822'],
    ['0112345678 9', '01123456789'],
  ])('accepts %j as %s', (typed, urn) => {
    expect(checkUrn(typed)).toEqual({ ok: true, urn });
  });

  it.each([
    ['', 'empty'],
    ['  / ', 'empty'],
    ['39GD11168', 'tooShort'],
    ['39GD111682299', 'tooLong'],
    ['A9GD1116822', 'forceNotDigits'],
    ['39g_1116822x', 'yearNotDigits'],
    ['39GD11A6822', 'serialNotDigits'],
    ['39GD111682X', 'yearNotDigits'],
  ])('explains what is wrong with %j: %s', (typed, problem) => {
    const result = checkUrn(typed);
    expect(result).toMatchObject({ ok: false, problem, messageKey: `urn.problems.${problem}` });
  });

  it('normalises and formats the way a charge sheet prints it', () => {
    expect(normaliseUrn('39/gd/11168/22')).toBe('39GD1116822');
    expect(formatUrn('39GD1116822')).toBe('39 GD 11168 22');
    expect(formatUrn('nonsense')).toBe('nonsense');
  });
});
