/** The full case view (GET /prosecutionCases/{id}, associated-cases delta): CP field names. */
import type { AssociationRecord, CourtDocument, Hearing, Material } from '../model';
import { findOrganisation } from '../seed/firms';
import type { CaseState, SandboxState } from '../state/store';

function associatedOrganisation(a: AssociationRecord | undefined): Record<string, unknown> | null {
  if (!a) return null;
  return {
    organisationId: a.organisationId,
    organisationName: findOrganisation(a.organisationId)?.organisationName ?? null,
    representationType: a.representationType,
    ...(a.laaContractNumber === undefined ? {} : { laaContractNumber: a.laaContractNumber }),
    associationStartDate: a.associationDate,
    isAssociatedByLAA: a.representationType === 'REPRESENTATION_ORDER',
  };
}

export function prosecutionCaseView(state: SandboxState, c: CaseState): Record<string, unknown> {
  const r = c.record;
  return {
    id: r.id,
    prosecutionCaseIdentifier: { prosecutionAuthorityCode: r.prosecutionAuthorityCode, caseURN: r.urn },
    initiationCode: r.initiationCode,
    caseStatus: r.caseStatus,
    defendants: r.defendants.map((d) => ({
      id: d.id,
      masterDefendantId: d.masterDefendantId,
      personDefendant: {
        personDetails: { ...d.personDetails, address: { ...d.personDetails.address } },
        arrestSummonsNumber: d.arrestSummonsNumber,
        bailStatus: d.bailStatus,
      },
      pncId: d.pncId,
      croNumber: d.croNumber,
      proceedingsConcluded: d.proceedingsConcluded,
      offences: d.offences.map((o) => ({
        id: o.id,
        offenceCode: o.offenceCode,
        offenceTitle: o.offenceTitle,
        offenceLegislation: o.offenceLegislation,
        wording: o.wording,
        startDate: o.startDate,
        chargeDate: o.chargeDate,
        orderIndex: o.orderIndex,
        modeOfTrial: o.modeOfTrial,
        plea: o.plea,
        indicatedPlea: o.indicatedPlea,
        allocationDecision: o.allocationDecision,
        verdict: o.verdict,
        custodyTimeLimit: o.custodyTimeLimit,
      })),
      associatedDefenceOrganisation: associatedOrganisation(state.associations.get(d.id)),
    })),
  };
}

export function hearingView(h: Hearing): Record<string, unknown> {
  const cc = h.courtCentre;
  return {
    id: h.id,
    jurisdictionType: h.jurisdictionType,
    courtCentre: { id: cc.id, name: cc.name, ...(cc.welshName === undefined ? {} : { welshName: cc.welshName }), roomName: h.roomName, address: { ...cc.address } },
    type: { id: h.type.id, description: h.type.description },
    hearingDays: h.hearingDays.map((d) => ({ ...d })),
    hearingLanguage: h.hearingLanguage,
    defendantIds: [...h.defendantIds],
    ...(h.estimatedDuration === undefined ? {} : { estimatedDuration: h.estimatedDuration }),
    defenceCounsels: h.defenceCounsels.map((dc) => ({ ...dc })),
  };
}

export function caseHearings(state: SandboxState, c: CaseState): Hearing[] {
  return c.record.hearings.map((h) => state.hearings.get(h.id) ?? h);
}

export function materialView(m: Material): Record<string, unknown> {
  return { id: m.id, uploadDateTime: m.uploadDateTime, publishedDate: m.publishedDate, size: m.size, pageCount: m.pageCount, sha256: m.sha256 };
}

export function courtDocumentView(d: CourtDocument): Record<string, unknown> {
  return {
    courtDocumentId: d.courtDocumentId,
    section: d.section,
    documentCategory: d.documentCategory,
    name: d.name,
    mimeType: d.mimeType,
    documentTypeDescription: d.documentTypeDescription,
    materials: d.materials.map(materialView),
    isRemoved: d.isRemoved,
  };
}
