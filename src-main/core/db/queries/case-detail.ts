import type { Database } from '../sqlite';
import { displayName, listCaseSummaries, type CaseSummaryRow } from './case-reads';
import type { OffenceRecord } from './case-record';

export type MaterialDownloadState = 'queued' | 'downloading' | 'stored' | 'failed';

export interface CaseDetailRow {
  summary: CaseSummaryRow;
  defendants: Array<{
    id: string;
    name: string;
    dateOfBirth: string | null;
    pncId: string | null;
    /** As stored, less what the case screen does not show. */
    offences: Array<Omit<OffenceRecord, 'custodyTimeLimit'>>;
  }>;
  hearings: Array<{
    id: string;
    jurisdiction: string;
    courtName: string;
    courtWelshName: string | null;
    roomName: string | null;
    hearingType: string;
    language: string | null;
    firstSittingAt: string | null;
    sittingDays: Array<{ sittingDay: string; listedDurationMinutes: number | null }>;
  }>;
  documents: Array<{
    id: string;
    section: string;
    name: string;
    typeDescription: string | null;
    defendantIds: string[];
    isRemoved: boolean;
    materials: Array<{
      id: string;
      uploadedAt: string;
      publishedDate: string | null;
      size: number;
      pageCount: number | null;
      state: MaterialDownloadState;
      errorKey: string | null;
    }>;
  }>;
}

export function getCaseDetail(db: Database, caseId: string): CaseDetailRow | null {
  const summary = listCaseSummaries(db, caseId)[0];
  if (!summary) return null;
  const defendantRows = db
    .prepare('SELECT id, first_name, middle_name, last_name, organisation_name, date_of_birth, pnc_id FROM defendants WHERE case_id = ? ORDER BY position')
    .all(caseId) as Array<{
    id: string;
    first_name: string | null;
    middle_name: string | null;
    last_name: string | null;
    organisation_name: string | null;
    date_of_birth: string | null;
    pnc_id: string | null;
  }>;
  const offences = db.prepare(
    `SELECT id, code, title, wording, start_date AS startDate, mode_of_trial AS modeOfTrial, plea, indicated_plea AS indicatedPlea, verdict
     FROM offences WHERE defendant_id = ? ORDER BY position`,
  );
  const hearingRows = db
    .prepare(
      `SELECT id, jurisdiction, court_name, court_welsh_name, room_name, hearing_type, language, first_sitting_at, days_json
       FROM hearings WHERE case_id = ? ORDER BY first_sitting_at`,
    )
    .all(caseId) as Array<{
    id: string;
    jurisdiction: string;
    court_name: string;
    court_welsh_name: string | null;
    room_name: string | null;
    hearing_type: string;
    language: string | null;
    first_sitting_at: string | null;
    days_json: string;
  }>;
  const documentRows = db
    .prepare('SELECT id, section, name, type_description, defendant_ids_json, is_removed FROM documents WHERE case_id = ? ORDER BY section, name')
    .all(caseId) as Array<{ id: string; section: string; name: string; type_description: string | null; defendant_ids_json: string; is_removed: number }>;
  const materials = db.prepare(
    `SELECT id, uploaded_at AS uploadedAt, published_date AS publishedDate, size, page_count AS pageCount, download_state AS state, error_key AS errorKey
     FROM materials WHERE document_id = ? ORDER BY uploaded_at`,
  );
  return {
    summary,
    defendants: defendantRows.map((row) => ({
      id: row.id,
      name: displayName(row),
      dateOfBirth: row.date_of_birth,
      pncId: row.pnc_id,
      offences: offences.all(row.id) as CaseDetailRow['defendants'][number]['offences'],
    })),
    hearings: hearingRows.map((row) => ({
      id: row.id,
      jurisdiction: row.jurisdiction,
      courtName: row.court_name,
      courtWelshName: row.court_welsh_name,
      roomName: row.room_name,
      hearingType: row.hearing_type,
      language: row.language,
      firstSittingAt: row.first_sitting_at,
      sittingDays: JSON.parse(row.days_json) as CaseDetailRow['hearings'][number]['sittingDays'],
    })),
    documents: documentRows.map((row) => ({
      id: row.id,
      section: row.section,
      name: row.name,
      typeDescription: row.type_description,
      defendantIds: JSON.parse(row.defendant_ids_json) as string[],
      isRemoved: row.is_removed === 1,
      materials: materials.all(row.id) as CaseDetailRow['documents'][number]['materials'],
    })),
  };
}
