import type { CaseSearchResult } from '../../../src-preload/api';
import type { CaseSearchResult as WireSearchResult, WireDefendantSummary } from '../cp';

/** CP's search answer → what the "Add a case" screen shows; `cached` says which cases are on this laptop. */
export function searchResultsFromWire(answer: WireSearchResult, isCached: (caseId: string) => boolean): CaseSearchResult[] {
  return answer.cases.map((summary) => ({
    caseId: summary.prosecutionCaseId,
    urn: summary.prosecutionCaseReference,
    caseStatus: summary.caseStatus,
    cached: isCached(summary.prosecutionCaseId),
    defendants: summary.defendantSummary.map((defendant) => ({
      defendantId: defendant.defendantId,
      name: defendantName(defendant),
      dateOfBirth: defendant.defendantDOB ?? null,
      offenceTitles: defendant.offenceSummary.map((offence) => offence.offenceTitle),
      nextHearingDate: defendant.dateOfNextHearing ?? null,
    })),
  }));
}

/** CP names a defendant either whole or in three parts (never both); the middle part may be empty. */
export function defendantName(defendant: WireDefendantSummary): string {
  if ('defendantName' in defendant) return defendant.defendantName;
  return [defendant.defendantFirstName, defendant.defendantMiddleName, defendant.defendantLastName].filter((part) => part.trim() !== '').join(' ');
}
