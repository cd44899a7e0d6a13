import type { CaseBundle, WireDefendant, WireOffence } from '../cp';
import type { CaseRecord, DefendantRecord, OffenceRecord } from '../db';

/**
 * CP's validated wire shapes → the cache's records. Pure and total: everything it reads has already
 * passed the wire schemas, so there is nothing left to fail here.
 */
export function caseRecordFromBundle(bundle: CaseBundle): CaseRecord {
  const pc = bundle.prosecutionCase;
  return {
    id: bundle.caseId,
    urn: pc.prosecutionCaseIdentifier.caseURN,
    status: pc.caseStatus,
    initiationCode: pc.initiationCode,
    prosecutionAuthority: pc.prosecutionCaseIdentifier.prosecutionAuthorityCode,
    version: bundle.version,
    defendants: pc.defendants.map(defendantRecord),
    hearings: bundle.hearings.map((hearing) => ({
      id: hearing.id,
      jurisdiction: hearing.jurisdictionType,
      courtName: hearing.courtCentre.name,
      courtWelshName: hearing.courtCentre.welshName,
      roomName: hearing.courtCentre.roomName,
      hearingType: hearing.type.description,
      language: hearing.hearingLanguage,
      sittingDays: hearing.hearingDays.map((day) => ({ sittingDay: day.sittingDay, listedDurationMinutes: day.listedDurationMinutes })),
    })),
    documents: bundle.courtDocuments.map((document) => ({
      id: document.courtDocumentId,
      section: document.section,
      name: document.name,
      typeDescription: document.documentTypeDescription,
      mimeType: document.mimeType,
      defendantIds: 'defendantDocument' in document.documentCategory ? [...document.documentCategory.defendantDocument.defendants] : [],
      isRemoved: document.isRemoved,
      materials: document.materials.map((material) => ({
        id: material.id,
        uploadedAt: material.uploadDateTime,
        publishedDate: material.publishedDate,
        size: material.size,
        pageCount: material.pageCount,
        sha256: material.sha256,
      })),
    })),
  };
}

function defendantRecord(defendant: WireDefendant): DefendantRecord {
  const person = defendant.personDefendant?.personDetails ?? null;
  return {
    id: defendant.id,
    masterDefendantId: defendant.masterDefendantId,
    firstName: person?.firstName ?? null,
    middleName: person?.middleName ?? null,
    lastName: person?.lastName ?? null,
    organisationName: defendant.legalEntityDefendant?.organisation.name ?? null,
    dateOfBirth: person?.dateOfBirth ?? null,
    pncId: defendant.pncId,
    associatedOrganisationId: defendant.associatedDefenceOrganisation?.organisationId ?? null,
    offences: defendant.offences.map(offenceRecord),
  };
}

function offenceRecord(offence: WireOffence): OffenceRecord {
  return {
    id: offence.id,
    code: offence.offenceCode,
    title: offence.offenceTitle,
    wording: offence.wording,
    startDate: offence.startDate,
    modeOfTrial: offence.modeOfTrial,
    plea: offence.plea?.pleaValue ?? null,
    indicatedPlea: offence.indicatedPlea?.indicatedPleaValue ?? null,
    verdict: offence.verdict?.verdictType ?? null,
    custodyTimeLimit: offence.custodyTimeLimit?.timeLimit ?? null,
  };
}
