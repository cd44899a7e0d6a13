import type { CaseSummary } from '../../../src-preload/api';

export type CaseSort = 'nextHearing' | 'urn' | 'defendant';

/** Filter on what a user would type (URN with or without spaces, a name, a court) and sort. */
export function filterAndSortCases(cases: readonly CaseSummary[], filter: string, sort: CaseSort): CaseSummary[] {
  const needle = filter.trim().toLowerCase();
  const compactNeedle = needle.replace(/[^0-9a-z]/g, '');
  const matches = needle
    ? cases.filter((item) => {
        if (compactNeedle && item.urn.toLowerCase().includes(compactNeedle)) return true;
        const haystack = [
          ...item.defendants.map((defendant) => defendant.name),
          item.nextHearing?.courtName ?? '',
          item.nextHearing?.courtWelshName ?? '',
        ]
          .join(' ')
          .toLowerCase();
        return haystack.includes(needle);
      })
    : [...cases];
  const byUrn = (a: CaseSummary, b: CaseSummary) => a.urn.localeCompare(b.urn);
  switch (sort) {
    case 'nextHearing':
      // Soonest first; cases with nothing listed go last.
      return matches.sort((a, b) => {
        const x = a.nextHearing?.at ?? '\uffff';
        const y = b.nextHearing?.at ?? '\uffff';
        return x === y ? byUrn(a, b) : x < y ? -1 : 1;
      });
    case 'urn':
      return matches.sort(byUrn);
    case 'defendant':
      return matches.sort((a, b) => lastName(a).localeCompare(lastName(b)) || byUrn(a, b));
  }
}

function lastName(item: CaseSummary): string {
  const name = item.defendants[0]?.name ?? '';
  return name.split(' ').at(-1) ?? name;
}
