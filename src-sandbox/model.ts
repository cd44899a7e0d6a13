/**
 * The sandbox's internal data model. Field names follow CP (see docs/DOMAIN.md)
 * where CP has them; the views/ modules project these records onto CP's answer shapes.
 */
import type { Jurisdiction, ModeOfTrial, OffenceTheme } from './seed/reference-data';

export type DatasetName = 'small' | 'large';

export interface Address {
  readonly address1: string;
  readonly address2?: string;
  readonly address3?: string;
  readonly postcode: string;
}

export interface Organisation {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly laaContractNumbers: readonly string[];
  readonly address: Address;
}

export type UserRole = 'SOLICITOR' | 'BARRISTER';

export interface User {
  readonly userId: string;
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly title: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly role: UserRole;
  readonly organisationId: string;
}

export interface Plea {
  readonly pleaValue: 'GUILTY' | 'NOT_GUILTY';
  readonly pleaDate: string;
}

export interface IndicatedPlea {
  readonly indicatedPleaValue: 'INDICATED_GUILTY' | 'INDICATED_NOT_GUILTY';
  readonly indicatedPleaDate: string;
}

export interface AllocationDecision {
  readonly motReasonDescription: string;
  readonly allocationDecisionDate: string;
}

export interface Offence {
  readonly id: string;
  readonly offenceCode: string;
  readonly offenceTitle: string;
  readonly offenceLegislation: string;
  readonly wording: string;
  readonly startDate: string;
  readonly chargeDate: string;
  readonly orderIndex: number;
  readonly modeOfTrial: ModeOfTrial;
  readonly plea: Plea | null;
  readonly indicatedPlea: IndicatedPlea | null;
  readonly allocationDecision: AllocationDecision | null;
  readonly verdict: { readonly verdictType: string; readonly verdictDate: string } | null;
  readonly custodyTimeLimit: { readonly timeLimit: string; readonly daysSpent: number } | null;
  readonly theme: OffenceTheme;
}

export interface PersonDetails {
  readonly title: string;
  readonly firstName: string;
  readonly middleName?: string;
  readonly lastName: string;
  readonly dateOfBirth: string;
  readonly gender: 'MALE' | 'FEMALE';
  readonly nationalInsuranceNumber?: string;
  readonly address: Address;
}

export interface Defendant {
  readonly id: string;
  readonly masterDefendantId: string;
  readonly personDetails: PersonDetails;
  readonly arrestSummonsNumber: string;
  readonly pncId: string;
  readonly croNumber: string;
  readonly bailStatus: 'UNCONDITIONAL_BAIL' | 'CONDITIONAL_BAIL' | 'CUSTODY';
  readonly offences: readonly Offence[];
  readonly proceedingsConcluded: boolean;
}

export interface CourtCentre {
  readonly id: string;
  readonly ouCode: string;
  readonly name: string;
  readonly welshName?: string;
  readonly jurisdiction: Jurisdiction;
  readonly address: Address;
}

export interface HearingDay {
  readonly sittingDay: string;
  readonly listingSequence: number;
  readonly listedDurationMinutes: number;
}

export interface DefenceCounsel {
  readonly id: string;
  readonly status: string;
  readonly title: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly defendants: readonly string[];
  readonly attendanceDays: readonly string[];
}

export interface Hearing {
  readonly id: string;
  readonly caseId: string;
  readonly jurisdictionType: Jurisdiction;
  readonly courtCentre: CourtCentre;
  readonly roomName: string;
  readonly type: { readonly id: string; readonly description: string };
  readonly hearingDays: readonly HearingDay[];
  readonly hearingLanguage: 'ENGLISH' | 'WELSH';
  readonly defendantIds: readonly string[];
  readonly estimatedDuration?: string;
  /** Mutable: check-ins append here. */
  defenceCounsels: DefenceCounsel[];
}

export interface Witness {
  readonly name: string;
  readonly occupation: string;
  readonly role: 'civilian' | 'police' | 'complainant' | 'expert';
}

export interface ProsecutionCaseRecord {
  readonly id: string;
  readonly urn: string;
  readonly prosecutionAuthorityCode: string;
  readonly policeForce: string;
  readonly initiationCode: 'J' | 'Q' | 'S' | 'C' | 'R' | 'O' | 'Z';
  readonly caseStatus: 'ACTIVE' | 'INACTIVE';
  readonly defendants: readonly Defendant[];
  readonly hearings: readonly Hearing[];
  readonly witnesses: readonly Witness[];
  readonly officerInCase: { readonly rank: string; readonly name: string; readonly collarNumber: string };
  readonly incidentPlace: string;
  readonly incidentDate: string;
  /** Jurisdiction the case currently sits in (its latest hearing's). */
  readonly currentJurisdiction: Jurisdiction;
}

export type DocumentSection = 'IDPC' | 'MCEB' | 'WS' | 'EX' | 'UM' | 'DEFENCE';

export type DocumentCategory =
  | { readonly caseDocument: { readonly prosecutionCaseId: string } }
  | { readonly defendantDocument: { readonly prosecutionCaseId: string; readonly defendants: readonly string[] } };

/** Where a material's bytes live: the shared generated cache, or this instance's upload folder. */
export type MaterialFile = { readonly kind: 'generated'; readonly fileName: string } | { readonly kind: 'uploaded'; readonly path: string };

export interface Material {
  readonly id: string;
  readonly uploadDateTime: string;
  readonly publishedDate: string;
  readonly size: number;
  readonly pageCount: number | null;
  readonly sha256: string;
  readonly file: MaterialFile;
}

export interface CourtDocument {
  readonly courtDocumentId: string;
  readonly caseId: string;
  readonly section: DocumentSection;
  readonly documentCategory: DocumentCategory;
  readonly name: string;
  readonly mimeType: 'application/pdf';
  readonly documentTypeDescription: string;
  /** Mutable: a republished bundle appends a material. */
  materials: Material[];
  isRemoved: boolean;
}

export interface LockStatus {
  readonly isLocked: boolean;
  readonly lockedBy: string | null;
  /** The holder's display name, so another user can be told who to ask (CP's defence UI shows it). */
  readonly lockedByName: string | null;
  readonly lockRequestedBy: string | null;
  readonly expiryTime: string | null;
}

export interface FormHistoryEntry {
  readonly date: string;
  readonly updatedBy: string;
  readonly data: Record<string, unknown>;
  readonly status: 'CREATED' | 'UPDATED';
  readonly version: number;
}

export interface FormRecord {
  readonly formId: string;
  readonly formType: 'PET' | 'BCM';
  /** petId for PET forms, courtFormId for BCM forms (CP names them differently). */
  readonly recordId: string;
  readonly caseId: string;
  readonly defendants: readonly { readonly defendantId: string; readonly caseId: string }[];
  data: Record<string, unknown>;
  version: number;
  lastUpdated: string;
  history: FormHistoryEntry[];
  /** Lock per section key (the top-level keys of `data`); absent = unlocked. */
  locks: Map<string, { userId: string; expiresAtMs: number; requestedBy: string | null }>;
}

export interface AssociationRecord {
  readonly defendantId: string;
  readonly caseId: string;
  readonly organisationId: string;
  readonly representationType: RepresentationType;
  readonly laaContractNumber?: string;
  readonly associationDate: string;
}

export const REPRESENTATION_TYPES = ['REPRESENTATION_ORDER', 'REPRESENTATION_ORDER_APPLIED_FOR', 'COURT_APPOINTED', 'PRO_BONO', 'PRIVATE'] as const;
export type RepresentationType = (typeof REPRESENTATION_TYPES)[number];
