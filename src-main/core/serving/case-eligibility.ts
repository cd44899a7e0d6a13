import { displayName, type Database } from '../db';
import { BluebagError } from '../errors';

export type ServeEligibility = { allowed: true } | { allowed: false; reason: 'crownCourt' | 'notAssociated' };

export interface CachedCaseForService {
  readonly urn: string;
  readonly eligibility: ServeEligibility;
  /** The case's defendants, for checking and naming the ones a document is served for. */
  readonly defendants: ReadonlyMap<string, string>;
}

/**
 * Whether documents can be served on a case through CP, from the cached case: Crown Court cases go
 * through the Digital Case System (CP refuses them with SERVICE_VIA_DCS), and a firm no longer
 * associated cannot serve at all. CP checks both again; this is so the user hears it before queueing.
 */
export function cachedCaseForService(db: Database, caseId: string): CachedCaseForService {
  const row = db.prepare('SELECT urn, jurisdiction, association_state FROM cases WHERE id = ?').get(caseId) as
    | { urn: string; jurisdiction: string | null; association_state: string }
    | undefined;
  if (!row) throw new BluebagError('not_found', 'errors.caseNotFound');
  const eligibility: ServeEligibility =
    row.jurisdiction === 'CROWN'
      ? { allowed: false, reason: 'crownCourt' }
      : row.association_state !== 'associated'
        ? { allowed: false, reason: 'notAssociated' }
        : { allowed: true };
  const defendants = new Map(
    (
      db.prepare('SELECT id, first_name, middle_name, last_name, organisation_name FROM defendants WHERE case_id = ? ORDER BY position').all(caseId) as Array<
        { id: string } & Parameters<typeof displayName>[0]
      >
    ).map((d) => [d.id, displayName(d)]),
  );
  return { urn: row.urn, eligibility, defendants };
}

/** Throws the refusal the user reads when the case cannot be served on through CP. */
export function assertServable(eligibility: ServeEligibility): void {
  if (eligibility.allowed) return;
  switch (eligibility.reason) {
    case 'crownCourt':
      throw new BluebagError('conflict', 'errors.serveCrownCourt');
    case 'notAssociated':
      throw new BluebagError('forbidden', 'errors.serveNotAssociated');
  }
}
