/** Projects a case onto CP's search summary (schemas/search-response.ts), with no extra properties. */
import type { Defendant, Hearing, ProsecutionCaseRecord } from '../model';
import type { DefendantSummary, HearingSummary, ProsecutionCaseSummary } from '../schemas/search-response';

export function nextHearingDate(c: ProsecutionCaseRecord, hearings: readonly Hearing[], defendantId: string, today: string): string | undefined {
  let best: string | undefined;
  for (const h of hearings) {
    if (!h.defendantIds.includes(defendantId)) continue;
    for (const d of h.hearingDays) {
      const day = d.sittingDay.slice(0, 10);
      if (day >= today && (best === undefined || day < best)) best = day;
    }
  }
  return c.caseStatus === 'ACTIVE' ? best : undefined;
}

function defendantSummary(c: ProsecutionCaseRecord, hearings: readonly Hearing[], d: Defendant, today: string): DefendantSummary {
  const p = d.personDetails;
  const next = nextHearingDate(c, hearings, d.id, today);
  const common = {
    defendantId: d.id,
    masterDefendantId: d.masterDefendantId,
    defendantDOB: p.dateOfBirth,
    ...(next === undefined ? {} : { dateOfNextHearing: next }),
    proceedingsConcluded: d.proceedingsConcluded,
    offenceSummary: d.offences.map((o) => ({
      offenceId: o.id,
      offenceCode: o.offenceCode,
      offenceTitle: o.offenceTitle,
      wording: o.wording,
      modeOfTrial: o.modeOfTrial,
      startDate: o.startDate,
      chargeDate: o.chargeDate,
      orderIndex: o.orderIndex,
    })),
  };
  // CP names a defendant one way or the other: three parts when there is a middle name, else the full name.
  return p.middleName !== undefined
    ? { ...common, defendantFirstName: p.firstName, defendantMiddleName: p.middleName, defendantLastName: p.lastName }
    : { ...common, defendantName: `${p.firstName} ${p.lastName}` };
}

export function hearingSummary(h: Hearing): HearingSummary {
  const cc = h.courtCentre;
  const summary: HearingSummary = {
    hearingId: h.id,
    jurisdictionType: h.jurisdictionType,
    courtCentre: { id: cc.id, name: cc.name, ...(cc.welshName === undefined ? {} : { welshName: cc.welshName }), roomName: h.roomName },
    hearingType: { id: h.type.id, description: h.type.description },
    defendantIds: [...h.defendantIds],
    hearingDays: h.hearingDays.map((d) => ({ sittingDay: d.sittingDay, listingSequence: d.listingSequence, listedDurationMinutes: d.listedDurationMinutes })),
    ...(h.estimatedDuration === undefined ? {} : { estimatedDuration: h.estimatedDuration }),
  };
  if (h.defenceCounsels.length > 0) {
    summary.defenceCounsel = h.defenceCounsels.map((dc) => ({ id: dc.id, title: dc.title, firstName: dc.firstName, lastName: dc.lastName, status: dc.status, defendants: [...dc.defendants], attendanceDays: [...dc.attendanceDays] }));
  }
  return summary;
}

export function caseSummary(c: ProsecutionCaseRecord, hearings: readonly Hearing[], today: string): ProsecutionCaseSummary {
  return {
    prosecutionCaseId: c.id,
    prosecutionCaseReference: c.urn,
    caseStatus: c.caseStatus,
    defendantSummary: c.defendants.map((d) => defendantSummary(c, hearings, d, today)),
    hearingSummary: hearings.map(hearingSummary),
  };
}
