import { prepared } from '../prepared';
import type { Database } from '../sqlite';
import type { CaseRecord } from './case-record';

/**
 * Writes one case from CP into the cache. Child records CP owns outright (defendants, offences,
 * hearings) are replaced; documents and materials are upserted so a material's download state
 * survives the case being re-sent, and those CP no longer lists are deleted. Returns the ids of
 * materials that left, whose blobs the caller deletes from the vault after the transaction commits.
 * Must run inside the caller's transaction.
 */
export function writeCase(db: Database, record: CaseRecord, syncedAt: Date): { removedMaterialIds: string[]; newMaterial: boolean } {
  const existing = prepared(db, 'SELECT version FROM cases WHERE id = ?').get(record.id) as { version: number } | undefined;
  const jurisdiction = record.hearings.some((hearing) => hearing.jurisdiction === 'CROWN') ? 'CROWN' : record.hearings[0]?.jurisdiction ?? null;
  const nextHearingAt = nextSitting(record, syncedAt);

  const knownMaterials = new Set(
    (prepared(db, 'SELECT m.id FROM materials m JOIN documents d ON d.id = m.document_id WHERE d.case_id = ?').all(record.id) as Array<{ id: string }>).map(
      (row) => row.id,
    ),
  );
  const incomingMaterials = record.documents.flatMap((document) => document.materials.map((material) => material.id));
  // "New material" means CP published something the user has not had before (not the first sync).
  const newMaterial = existing !== undefined && incomingMaterials.some((id) => !knownMaterials.has(id));

  prepared(
    db,
    `INSERT INTO cases (id, urn, status, initiation_code, prosecution_authority, jurisdiction, version, next_hearing_at, new_material, synced_at)
     VALUES (@id, @urn, @status, @initiationCode, @prosecutionAuthority, @jurisdiction, @version, @nextHearingAt, @newMaterial, @syncedAt)
     ON CONFLICT(id) DO UPDATE SET urn = excluded.urn, status = excluded.status, initiation_code = excluded.initiation_code,
       prosecution_authority = excluded.prosecution_authority, jurisdiction = excluded.jurisdiction, version = excluded.version,
       next_hearing_at = excluded.next_hearing_at, association_state = 'associated', full_sync_seen = 1,
       new_material = MAX(cases.new_material, excluded.new_material), synced_at = excluded.synced_at`,
  ).run({
    id: record.id,
    urn: record.urn,
    status: record.status,
    initiationCode: record.initiationCode,
    prosecutionAuthority: record.prosecutionAuthority,
    jurisdiction,
    version: record.version,
    nextHearingAt,
    newMaterial: newMaterial ? 1 : 0,
    syncedAt: syncedAt.toISOString(),
  });

  prepared(db, 'DELETE FROM defendants WHERE case_id = ?').run(record.id);
  const insertDefendant = prepared(
    db,
    `INSERT INTO defendants (id, case_id, position, master_defendant_id, first_name, middle_name, last_name, organisation_name, date_of_birth, pnc_id, associated_organisation_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOffence = prepared(
    db,
    `INSERT INTO offences (id, defendant_id, position, code, title, wording, start_date, mode_of_trial, plea, indicated_plea, verdict, custody_time_limit)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  record.defendants.forEach((defendant, position) => {
    insertDefendant.run(
      defendant.id,
      record.id,
      position,
      defendant.masterDefendantId,
      defendant.firstName,
      defendant.middleName,
      defendant.lastName,
      defendant.organisationName,
      defendant.dateOfBirth,
      defendant.pncId,
      defendant.associatedOrganisationId,
    );
    defendant.offences.forEach((offence, index) => {
      insertOffence.run(
        offence.id,
        defendant.id,
        index,
        offence.code,
        offence.title,
        offence.wording,
        offence.startDate,
        offence.modeOfTrial,
        offence.plea,
        offence.indicatedPlea,
        offence.verdict,
        offence.custodyTimeLimit,
      );
    });
  });

  prepared(db, 'DELETE FROM hearings WHERE case_id = ?').run(record.id);
  const insertHearing = prepared(
    db,
    `INSERT INTO hearings (id, case_id, jurisdiction, court_name, court_welsh_name, room_name, hearing_type, language, first_sitting_at, days_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const hearing of record.hearings) {
    const first = hearing.sittingDays.map((day) => day.sittingDay).sort()[0] ?? null;
    insertHearing.run(
      hearing.id,
      record.id,
      hearing.jurisdiction,
      hearing.courtName,
      hearing.courtWelshName,
      hearing.roomName,
      hearing.hearingType,
      hearing.language,
      first,
      JSON.stringify(hearing.sittingDays),
    );
  }

  const upsertDocument = prepared(
    db,
    `INSERT INTO documents (id, case_id, section, name, type_description, mime_type, defendant_ids_json, is_removed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET case_id = excluded.case_id, section = excluded.section, name = excluded.name,
       type_description = excluded.type_description, mime_type = excluded.mime_type,
       defendant_ids_json = excluded.defendant_ids_json, is_removed = excluded.is_removed`,
  );
  // A material's bytes never change under the same id (a republished bundle is a new material), so
  // an existing row keeps its download state.
  const upsertMaterial = prepared(
    db,
    `INSERT INTO materials (id, document_id, uploaded_at, published_date, size, page_count, sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET document_id = excluded.document_id, uploaded_at = excluded.uploaded_at,
       published_date = excluded.published_date, page_count = excluded.page_count`,
  );
  for (const document of record.documents) {
    upsertDocument.run(
      document.id,
      record.id,
      document.section,
      document.name,
      document.typeDescription,
      document.mimeType,
      JSON.stringify(document.defendantIds),
      document.isRemoved ? 1 : 0,
    );
    for (const material of document.materials) {
      upsertMaterial.run(material.id, document.id, material.uploadedAt, material.publishedDate, material.size, material.pageCount, material.sha256);
    }
  }
  const documentIds = record.documents.map((document) => document.id);
  const removedMaterialIds = [...knownMaterials].filter((id) => !incomingMaterials.includes(id));
  const deleteMaterial = prepared(db, 'DELETE FROM materials WHERE id = ?');
  for (const id of removedMaterialIds) deleteMaterial.run(id);
  const staleDocuments = (prepared(db, 'SELECT id FROM documents WHERE case_id = ?').all(record.id) as Array<{ id: string }>).filter(
    (row) => !documentIds.includes(row.id),
  );
  const deleteDocument = prepared(db, 'DELETE FROM documents WHERE id = ?');
  for (const row of staleDocuments) deleteDocument.run(row.id);
  return { removedMaterialIds, newMaterial };
}

/**
 * A case CP no longer lists for this firm leaves the cache with its documents' rows; the caller deletes
 * their blobs. (Local-only work on the case, once such tables exist, is kept and flagged instead.)
 */
export function removeCase(db: Database, caseId: string): { materialIds: string[] } {
  const materialIds = (
    prepared(db, 'SELECT m.id FROM materials m JOIN documents d ON d.id = m.document_id WHERE d.case_id = ?').all(caseId) as Array<{ id: string }>
  ).map((row) => row.id);
  prepared(db, 'DELETE FROM cases WHERE id = ?').run(caseId);
  return { materialIds };
}

export function setKeepOffline(db: Database, caseId: string, keep: boolean): boolean {
  return prepared(db, 'UPDATE cases SET keep_offline = ? WHERE id = ?').run(keep ? 1 : 0, caseId).changes === 1;
}

export function clearNewMaterial(db: Database, caseId: string): void {
  prepared(db, 'UPDATE cases SET new_material = 0 WHERE id = ?').run(caseId);
}

function nextSitting(record: CaseRecord, now: Date): string | null {
  const today = now.toISOString().slice(0, 10);
  const upcoming = record.hearings
    .flatMap((hearing) => hearing.sittingDays.map((day) => day.sittingDay))
    .filter((day) => day.slice(0, 10) >= today)
    .sort();
  return upcoming[0] ?? null;
}
