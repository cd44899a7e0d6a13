import type { Database } from '../sqlite';

export interface CaseSummaryRow {
  id: string;
  urn: string;
  status: string;
  jurisdiction: 'MAGISTRATES' | 'CROWN' | null;
  keepOffline: boolean;
  associationState: 'associated' | 'removed';
  newMaterial: boolean;
  defendants: Array<{ id: string; name: string; dateOfBirth: string | null }>;
  nextHearing: { at: string; courtName: string; courtWelshName: string | null; roomName: string | null; hearingType: string } | null;
  offline: { stored: number; total: number; storedBytes: number; totalBytes: number };
}

/**
 * Every cached case for the list screen, in one pass of a few indexed queries (no per-case round trips:
 * the list must stay fast with 500 cases).
 */
export function listCaseSummaries(db: Database, onlyCaseId: string | null = null): CaseSummaryRow[] {
  // One case (the case screen, after a toggle) reads through the same queries, narrowed by index.
  const only = { caseId: onlyCaseId };
  const cases = db
    .prepare(
      `SELECT id, urn, status, jurisdiction, keep_offline, association_state, new_material, next_hearing_at FROM cases
       WHERE @caseId IS NULL OR id = @caseId`,
    )
    .all(only) as Array<{
    id: string;
    urn: string;
    status: string;
    jurisdiction: 'MAGISTRATES' | 'CROWN' | null;
    keep_offline: number;
    association_state: 'associated' | 'removed';
    new_material: number;
    next_hearing_at: string | null;
  }>;
  const defendants = groupBy(
    db
      .prepare(
        'SELECT id, case_id, first_name, middle_name, last_name, organisation_name, date_of_birth FROM defendants WHERE @caseId IS NULL OR case_id = @caseId ORDER BY position',
      )
      .all(only) as DefendantNameRow[],
    (row) => row.case_id,
  );
  const allHearings = groupBy(
    db
      .prepare('SELECT case_id, first_sitting_at, court_name, court_welsh_name, room_name, hearing_type, days_json FROM hearings WHERE @caseId IS NULL OR case_id = @caseId')
      .all(only) as HearingRow[],
    (row) => row.case_id,
  );
  const offline = new Map(
    (
      db
        .prepare(
          `SELECT d.case_id AS case_id, count(*) AS total, sum(m.download_state = 'stored') AS stored,
                  sum(m.size) AS total_bytes, sum(CASE WHEN m.download_state = 'stored' THEN m.size ELSE 0 END) AS stored_bytes
           FROM materials m JOIN documents d ON d.id = m.document_id WHERE @caseId IS NULL OR d.case_id = @caseId GROUP BY d.case_id`,
        )
        .all(only) as Array<{ case_id: string; total: number; stored: number; total_bytes: number; stored_bytes: number }>
    ).map((row) => [row.case_id, row] as const),
  );
  return cases.map((row) => {
    const counts = offline.get(row.id);
    const next = row.next_hearing_at ? hearingOn(allHearings.get(row.id) ?? [], row.next_hearing_at) : null;
    return {
      id: row.id,
      urn: row.urn,
      status: row.status,
      jurisdiction: row.jurisdiction,
      keepOffline: row.keep_offline === 1,
      associationState: row.association_state,
      newMaterial: row.new_material === 1,
      defendants: (defendants.get(row.id) ?? []).map((defendant) => ({
        id: defendant.id,
        name: displayName(defendant),
        dateOfBirth: defendant.date_of_birth,
      })),
      nextHearing: next,
      offline: {
        stored: counts?.stored ?? 0,
        total: counts?.total ?? 0,
        storedBytes: counts?.stored_bytes ?? 0,
        totalBytes: counts?.total_bytes ?? 0,
      },
    };
  });
}

interface DefendantNameRow {
  id: string;
  case_id: string;
  first_name: string | null;
  middle_name: string | null;
  last_name: string | null;
  organisation_name: string | null;
  date_of_birth: string | null;
}

interface HearingRow {
  case_id: string;
  first_sitting_at: string | null;
  court_name: string;
  court_welsh_name: string | null;
  room_name: string | null;
  hearing_type: string;
  days_json: string;
}

export function displayName(row: Pick<DefendantNameRow, 'first_name' | 'middle_name' | 'last_name' | 'organisation_name'>): string {
  if (row.organisation_name) return row.organisation_name;
  return [row.first_name, row.middle_name, row.last_name?.toUpperCase()].filter((part) => part && part.length > 0).join(' ');
}

/** The hearing whose sitting days include the case's next sitting. */
function hearingOn(rows: readonly HearingRow[], at: string): CaseSummaryRow['nextHearing'] {
  for (const row of rows) {
    const days = JSON.parse(row.days_json) as Array<{ sittingDay: string }>;
    if (days.some((day) => day.sittingDay === at)) {
      return { at, courtName: row.court_name, courtWelshName: row.court_welsh_name, roomName: row.room_name, hearingType: row.hearing_type };
    }
  }
  return null;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
