/**
 * A case as the cache stores it: CP's records, already validated and flattened to what the screens and
 * the download queue need. The sync engine maps CP's wire shapes into this; queries store and read it.
 */
export interface CaseRecord {
  id: string;
  urn: string;
  status: string;
  initiationCode: string | null;
  prosecutionAuthority: string | null;
  version: number;
  defendants: DefendantRecord[];
  hearings: HearingRecord[];
  documents: DocumentRecord[];
}

export interface DefendantRecord {
  id: string;
  masterDefendantId: string | null;
  firstName: string | null;
  middleName: string | null;
  lastName: string | null;
  organisationName: string | null;
  dateOfBirth: string | null;
  pncId: string | null;
  associatedOrganisationId: string | null;
  offences: OffenceRecord[];
}

export interface OffenceRecord {
  id: string;
  code: string;
  title: string;
  wording: string | null;
  startDate: string | null;
  modeOfTrial: string | null;
  plea: string | null;
  indicatedPlea: string | null;
  verdict: string | null;
  custodyTimeLimit: string | null;
}

export interface HearingRecord {
  id: string;
  jurisdiction: 'MAGISTRATES' | 'CROWN';
  courtName: string;
  courtWelshName: string | null;
  roomName: string | null;
  hearingType: string;
  language: string | null;
  sittingDays: Array<{ sittingDay: string; listedDurationMinutes: number | null }>;
}

export interface DocumentRecord {
  id: string;
  section: string;
  name: string;
  typeDescription: string | null;
  mimeType: string | null;
  defendantIds: string[];
  isRemoved: boolean;
  materials: MaterialRecord[];
}

export interface MaterialRecord {
  id: string;
  uploadedAt: string;
  publishedDate: string | null;
  size: number;
  pageCount: number | null;
  sha256: string;
}
