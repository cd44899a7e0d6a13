/**
 * Case search (CP's exact answer shape), case details, court documents and the
 * associated-cases delta feed.
 */
import { z } from 'zod';
import { ApiError } from '../errors';
import { caseOr404, param, principalOf, requireAssociated, type RouteContext } from '../http/context';
import { json, type Reply } from '../http/reply';
import { queryObject, validate } from '../http/validate';
import type { ProsecutionCaseRecord } from '../model';
import type { CaseSearchResponse } from '../schemas/search-response';
import { associatedCasesDelta } from '../state/delta';
import type { CaseState } from '../state/store';
import { caseHearings, courtDocumentView, hearingView, prosecutionCaseView } from '../views/prosecution-case';
import { caseSummary, nextHearingDate } from '../views/search-summary';
import { route, type RouteEntry } from './types';

export const URN_PATTERN = /^[0-9]{2}[0-9A-Z]{2}[0-9]{5}[0-9]{2}$/;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const name = z.string().trim().min(2).max(100);

/** Exactly one of CP's five search keys; anything else (extra or missing parameters) is a 400. */
const SearchQuerySchema = z.union([
  z.object({ prosecutionCaseReference: z.string().min(1).max(40) }).strict(),
  z.object({ defendantNINO: z.string().regex(/^[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]$/) }).strict(),
  z.object({ defendantASN: z.string().min(6).max(30) }).strict(),
  z.object({ defendantName: name, defendantDOB: isoDate }).strict(),
  z.object({ defendantName: name, dateOfNextHearing: isoDate }).strict(),
]);

export function normaliseUrn(raw: string): string {
  return raw.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

function nameMatches(query: string, p: { firstName: string; middleName?: string; lastName: string }): boolean {
  const full = [p.firstName, p.middleName, p.lastName].filter(Boolean).join(' ').toLowerCase();
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((token) => full.split(/\s+/).includes(token));
}

async function search(ctx: RouteContext): Promise<Reply> {
  principalOf(ctx);
  const q = validate(SearchQuerySchema, queryObject(ctx.url.searchParams), 'search: give exactly one of prosecutionCaseReference; defendantNINO; defendantASN; defendantName+defendantDOB; defendantName+dateOfNextHearing');
  const state = ctx.app.state;
  const today = ctx.app.clock.today();
  let match: (c: ProsecutionCaseRecord) => boolean;
  if ('prosecutionCaseReference' in q) {
    const urn = normaliseUrn(q.prosecutionCaseReference);
    if (!URN_PATTERN.test(urn)) throw new ApiError(400, 'INVALID_URN', 'prosecutionCaseReference must be 2 digits, 2 letters or digits, 5 digits and 2 digits (e.g. 39GD1116822)');
    match = (c) => c.urn === urn;
  } else if ('defendantNINO' in q) {
    const nino = q.defendantNINO.replace(/\s/g, '').toUpperCase();
    match = (c) => c.defendants.some((d) => d.personDetails.nationalInsuranceNumber === nino);
  } else if ('defendantASN' in q) {
    const asn = q.defendantASN.replace(/\s/g, '').toUpperCase();
    match = (c) => c.defendants.some((d) => d.arrestSummonsNumber === asn);
  } else if ('defendantDOB' in q) {
    match = (c) => c.defendants.some((d) => d.personDetails.dateOfBirth === q.defendantDOB && nameMatches(q.defendantName, d.personDetails));
  } else {
    match = (c) => {
      const hearings = caseHearings(state, stateOf(ctx, c.id));
      return c.defendants.some((d) => nameMatches(q.defendantName, d.personDetails) && nextHearingDate(c, hearings, d.id, today) === q.dateOfNextHearing);
    };
  }
  const cases: CaseSearchResponse['cases'] = [];
  for (const id of state.caseOrder) {
    const c = state.cases.get(id);
    if (c && match(c.record)) cases.push(caseSummary(c.record, caseHearings(state, c), today));
  }
  const body: CaseSearchResponse = { cases, totalResults: cases.length };
  return json(200, body);
}

function stateOf(ctx: RouteContext, caseId: string): CaseState {
  return caseOr404(ctx, caseId);
}

async function getCase(ctx: RouteContext): Promise<Reply> {
  const c = caseOr404(ctx, param(ctx, 'caseId'));
  requireAssociated(ctx, c.record.id);
  return json(200, { prosecutionCase: prosecutionCaseView(ctx.app.state, c), hearings: caseHearings(ctx.app.state, c).map(hearingView) }, { ETag: `W/"v${c.version}"` });
}

const SECTIONS = ['IDPC', 'MCEB', 'WS', 'EX', 'UM', 'DEFENCE'] as const;
const DocumentsQuerySchema = z.object({ section: z.enum(SECTIONS).optional() }).strict();

export function courtDocumentsOf(ctx: RouteContext, caseId: string, section?: string): Record<string, unknown>[] {
  const docs = ctx.app.state.documentsByCase.get(caseId) ?? [];
  return docs.filter((d) => section === undefined || d.section === section).map(courtDocumentView);
}

async function listDocuments(ctx: RouteContext): Promise<Reply> {
  const c = caseOr404(ctx, param(ctx, 'caseId'));
  requireAssociated(ctx, c.record.id);
  const q = validate(DocumentsQuerySchema, queryObject(ctx.url.searchParams), 'query');
  return json(200, { courtDocuments: courtDocumentsOf(ctx, c.record.id, q.section) });
}

const DeltaQuerySchema = z
  .object({
    cursor: z.string().min(1).max(512).optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

async function associatedCases(ctx: RouteContext): Promise<Reply> {
  const p = principalOf(ctx);
  const q = validate(DeltaQuerySchema, queryObject(ctx.url.searchParams), 'query');
  const state = ctx.app.state;
  const page = associatedCasesDelta(state, p.organisationId, q.cursor, q.limit ?? 50);
  const changed = page.changed.map((caseId) => {
    const c = stateOf(ctx, caseId);
    return {
      caseId,
      version: c.version,
      prosecutionCase: prosecutionCaseView(state, c),
      hearings: caseHearings(state, c).map(hearingView),
      courtDocuments: courtDocumentsOf(ctx, caseId),
    };
  });
  return json(200, { changed, removed: page.removed, cursor: page.cursor, hasMore: page.hasMore });
}

export const caseRoutes: readonly RouteEntry[] = [
  route('GET', '/prosecutionCases', search),
  route('GET', '/prosecutionCases/:caseId', getCase),
  route('GET', '/prosecutionCases/:caseId/courtDocuments', listDocuments),
  route('GET', '/associatedCases', associatedCases),
];
