/** The check_ins table, joined with its outbox job: "sending" is the job being active. */
import { z } from 'zod';
import { AdvocateStatusSchema, type CheckIn } from '../../../src-preload/api';
import type { Database } from '../db';

interface CheckInRow {
  id: string;
  case_id: string;
  hearing_id: string;
  advocate_status: string;
  defendant_ids_json: string;
  attendance_day: string;
  state: 'queued' | 'checkedIn' | 'refused' | 'cancelled';
  job_id: string | null;
  error_key: string | null;
  created_at: string;
  counsel_id: string | null;
  checked_in_at: string | null;
  job_state: string | null;
  job_last_error_key: string | null;
}

export interface StoredCheckIn {
  readonly view: CheckIn;
  readonly jobId: string | null;
  readonly stored: CheckInRow['state'];
  readonly advocateStatus: z.infer<typeof AdvocateStatusSchema>;
}

const SELECT = `SELECT c.*, j.state AS job_state, j.last_error_key AS job_last_error_key
  FROM check_ins c LEFT JOIN outbox_jobs j ON j.id = c.job_id`;

export function readCheckIn(db: Database, id: string): StoredCheckIn | null {
  const row = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as CheckInRow | undefined;
  return row ? fromRow(row) : null;
}

/** A case's check-ins, newest first; cancelled ones (sign-out "discard") are not shown. */
export function listCheckIns(db: Database, caseId: string): StoredCheckIn[] {
  return (db.prepare(`${SELECT} WHERE c.case_id = ? AND c.state <> 'cancelled' ORDER BY c.created_at DESC, c.id`).all(caseId) as CheckInRow[]).map(fromRow);
}

function fromRow(row: CheckInRow): StoredCheckIn {
  const advocateStatus = AdvocateStatusSchema.parse(row.advocate_status);
  const state: CheckIn['state'] =
    row.state === 'checkedIn'
      ? 'checkedIn'
      : row.state === 'refused' || row.job_state === 'failed'
        ? 'refused'
        : row.job_state === 'active'
          ? 'sending'
          : 'queued';
  return {
    jobId: row.job_id,
    stored: row.state,
    advocateStatus,
    view: {
      id: row.id,
      hearingId: row.hearing_id,
      caseId: row.case_id,
      status: advocateStatus,
      defendantIds: z.array(z.string()).parse(JSON.parse(row.defendant_ids_json)),
      attendanceDay: row.attendance_day,
      state,
      checkedInAt: row.checked_in_at,
      errorKey: row.error_key ?? (state === 'checkedIn' ? null : row.job_last_error_key),
    },
  };
}
