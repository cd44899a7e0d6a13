/** CP's five ways to search for a case: exactly one, expressed as a discriminated union. */

export type CaseSearchQuery =
  | { readonly by: 'urn'; readonly prosecutionCaseReference: string }
  | { readonly by: 'nino'; readonly defendantNINO: string }
  | { readonly by: 'asn'; readonly defendantASN: string }
  | { readonly by: 'nameAndDateOfBirth'; readonly defendantName: string; readonly defendantDOB: string }
  | { readonly by: 'nameAndNextHearing'; readonly defendantName: string; readonly dateOfNextHearing: string };

/** Users type URNs with slashes and spaces (39/GD/11168/22); CP's rule is on the bare characters. */
function normaliseUrn(raw: string): string {
  return raw.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

export function searchParams(query: CaseSearchQuery): URLSearchParams {
  switch (query.by) {
    case 'urn':
      return new URLSearchParams({ prosecutionCaseReference: normaliseUrn(query.prosecutionCaseReference) });
    case 'nino':
      return new URLSearchParams({ defendantNINO: query.defendantNINO.replace(/\s/g, '').toUpperCase() });
    case 'asn':
      return new URLSearchParams({ defendantASN: query.defendantASN.trim() });
    case 'nameAndDateOfBirth':
      return new URLSearchParams({ defendantName: query.defendantName.trim(), defendantDOB: query.defendantDOB });
    case 'nameAndNextHearing':
      return new URLSearchParams({ defendantName: query.defendantName.trim(), dateOfNextHearing: query.dateOfNextHearing });
    default: {
      const unreachable: never = query;
      return unreachable;
    }
  }
}
