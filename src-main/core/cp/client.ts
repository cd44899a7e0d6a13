/**
 * The Common Platform API client. Every JSON answer is read whole and validated against the wire
 * schemas before it is returned, so nothing malformed can reach the database; every failure is one of
 * the typed errors in errors.ts. The client never retries by itself: the sync engine and the outbox own
 * retry policy (backoff, Retry-After, idempotency keys), and a hidden retry here would fight theirs.
 */
import type { z } from 'zod';
import { readJson, validate } from './body';
import { CpMalformedResponseError, type CpOperation } from './errors';
import { materialContent, type MaterialContentOptions, type MaterialStream } from './material-content';
import { RequestLifetime } from './request-lifetime';
import { MAX_RETRY_AFTER_MS } from './retry-after';
import { searchParams, type CaseSearchQuery } from './search-query';
import { errorFromResponse, type StatusContext } from './status-errors';
import { assertIdempotencyKey, normaliseBaseUrl, send, type OutgoingRequest, type TransportConfig } from './transport';
import { AssociationResponseSchema, type WireAssociation } from './wire/association';
import type { RepresentationType } from './wire/common';
import { CaseDetailSchema, DeltaPageSchema, type CaseDetail, type DeltaPage } from './wire/delta';
import { CourtDocumentsResponseSchema, documentCaseId, type DocumentSection, type WireCourtDocument } from './wire/documents';
import { CaseSearchResultSchema, type CaseSearchResult } from './wire/search';
import { CpUserSchema, type CpUser } from './wire/user';
import { serveDocument, type ServeDocumentOptions, type ServeDocumentRequest } from './document-upload';
import { CheckInResponseSchema, type CheckInRequest, type CheckInResponse } from './wire/check-in';
import type { ServeReceipt } from './wire/serve';
import { createStreamGet, type StreamGet } from './stream-get';
import { FormHistorySchema, FormSchema, FormsListSchema, LockResponseSchema, type WireForm, type WireFormHistoryEntry, type WireFormSummary, type WireLockStatus } from './wire/forms';

export interface CpClientOptions {
  /** CP's API root, e.g. https://cp.example.gov.uk/api (a path prefix is kept). */
  readonly baseUrl: string;
  /** Called before every request: the auth layer may refresh the token in between. */
  readonly accessToken: () => Promise<string>;
  /** Whole-request limit for JSON calls, and the limit for a material's headers. Default 20 s. */
  readonly timeoutMs?: number;
  /** Longest silence while a material streams. Default 30 s. */
  readonly idleTimeoutMs?: number;
  /** Upper bound on any Retry-After we pass on. Default 10 minutes. */
  readonly maxRetryAfterMs?: number;
  /** For every call but material content. Default: the global fetch. */
  readonly fetch?: typeof fetch;
  /** For material content (stream-get.ts). Default: createStreamGet(), a pool of its own. */
  readonly streamGet?: StreamGet;
  /** Wall clock for Retry-After HTTP-dates. */
  readonly now?: () => number;
}

export interface AssociateRequest {
  readonly representationType: RepresentationType;
  readonly laaContractNumber?: string;
}

export interface CpClient {
  /** The signed-in user and their firm. */
  me(): Promise<CpUser>;
  /** CP's case search, answered in CP's exact shape. */
  searchCases(query: CaseSearchQuery): Promise<CaseSearchResult>;
  /** One page of the firm's associated cases changed since `cursor` (null = everything now). */
  associatedCases(cursor: string | null, limit?: number): Promise<DeltaPage>;
  caseDetail(caseId: string): Promise<CaseDetail>;
  courtDocuments(caseId: string, section?: DocumentSection): Promise<WireCourtDocument[]>;
  materialContent(materialId: string, opts?: MaterialContentOptions): Promise<MaterialStream>;
  associate(caseId: string, defendantId: string, body: AssociateRequest, idempotencyKey: string): Promise<WireAssociation>;
  disassociate(caseId: string, defendantId: string, idempotencyKey: string): Promise<void>;
  /** Serves a document on the court; `body` streams exactly `opts.size` bytes. Resolves with CP's receipt as sent. */
  serveDocument(caseId: string, request: ServeDocumentRequest, body: AsyncIterable<Uint8Array>, opts: ServeDocumentOptions): Promise<ServeReceipt>;
  /** Checks the signed-in advocate in to a hearing (on a sitting day, by CP's clock). */
  checkIn(hearingId: string, body: CheckInRequest, idempotencyKey: string): Promise<CheckInResponse>;
  /** The PET / BCM forms CP has for a case (the court creates them; the defence never does). */
  listForms(caseId: string): Promise<WireFormSummary[]>;
  getForm(formId: string): Promise<WireForm>;
  formHistory(formId: string): Promise<WireFormHistoryEntry[]>;
  /** Saves the sections given against `baseVersion`; a 409 refusal means CP's copy moved on. */
  saveForm(formId: string, data: Record<string, unknown>, baseVersion: number, idempotencyKey: string): Promise<WireForm>;
  lockSection(formId: string, section: string): Promise<WireLockStatus>;
  extendLock(formId: string, section: string): Promise<WireLockStatus>;
  releaseLock(formId: string, section: string): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;
export const MAX_DELTA_LIMIT = 200;

/** Business refusals on ordinary calls; association changes add 403 (see StatusContext). */
const REFUSALS = [409, 422, 423] as const;
const ASSOCIATION_REFUSALS = [403, 409, 422, 423] as const;
/** Check-in: 422 NOT_A_SITTING_DAY / DEFENDANT_NOT_IN_HEARING, and 400 for a body CP will not take. */
const CHECK_IN_REFUSALS = [400, 409, 422, 423] as const;

const seg = encodeURIComponent;

export function createCpClient(options: CpClientOptions): CpClient {
  const transport: TransportConfig = {
    baseUrl: normaliseBaseUrl(options.baseUrl),
    accessToken: options.accessToken,
    fetch: options.fetch ?? globalThis.fetch,
    streamGet: options.streamGet ?? createStreamGet(),
  };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const statusContext = (refusalStatuses: readonly number[]): StatusContext => ({
    now: options.now ?? Date.now,
    maxRetryAfterMs: options.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS,
    refusalStatuses,
  });

  /** Sends and checks the status, then lets `read` take the body; all within `timeoutMs`. */
  async function exchange<T>(
    operation: CpOperation,
    request: OutgoingRequest,
    expected: readonly number[],
    refusals: readonly number[],
    read: (res: Response, lifetime: RequestLifetime) => Promise<T>,
  ): Promise<T> {
    const lifetime = new RequestLifetime(operation);
    try {
      const res = await send(transport, operation, request, lifetime, timeoutMs);
      if (!expected.includes(res.status)) {
        // A 2xx we did not expect is as untrustworthy as a wrong body: CP's contract says otherwise.
        if (res.status >= 200 && res.status < 300) throw new CpMalformedResponseError(operation, 'unexpectedStatus');
        throw await errorFromResponse(res, lifetime, statusContext(refusals));
      }
      return await read(res, lifetime);
    } finally {
      lifetime.close();
    }
  }

  function callJson<S extends z.ZodType>(
    operation: CpOperation,
    request: OutgoingRequest,
    expected: readonly number[],
    schema: S,
    refusals: readonly number[] = REFUSALS,
  ): Promise<z.output<S>> {
    return exchange(operation, request, expected, refusals, async (res, lifetime) => validate(schema, await readJson(res, lifetime), operation));
  }

  function callEmpty(operation: CpOperation, request: OutgoingRequest, expected: readonly number[], refusals: readonly number[]): Promise<void> {
    return exchange(operation, request, expected, refusals, async (res) => {
      await res.body?.cancel().catch(() => undefined);
    });
  }

  return {
    me: () => callJson('me', { method: 'GET', path: '/me' }, [200], CpUserSchema),

    searchCases: (query) => callJson('searchCases', { method: 'GET', path: '/prosecutionCases', query: searchParams(query) }, [200], CaseSearchResultSchema),

    associatedCases: (cursor, limit) => {
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_DELTA_LIMIT)) {
        return Promise.reject(new RangeError(`limit must be an integer from 1 to ${MAX_DELTA_LIMIT}`));
      }
      const query = new URLSearchParams();
      if (cursor !== null) query.set('cursor', cursor);
      if (limit !== undefined) query.set('limit', String(limit));
      return callJson('associatedCases', { method: 'GET', path: '/associatedCases', query }, [200], DeltaPageSchema);
    },

    caseDetail: async (caseId) => {
      const detail = await callJson('caseDetail', { method: 'GET', path: `/prosecutionCases/${seg(caseId)}` }, [200], CaseDetailSchema);
      // Stored under caseId: a body for another case must not be filed there.
      if (detail.prosecutionCase.id !== caseId) throw new CpMalformedResponseError('caseDetail', 'unexpectedShape', [{ path: 'prosecutionCase.id', code: 'custom' }]);
      return detail;
    },

    courtDocuments: async (caseId, section) => {
      const query = section === undefined ? undefined : new URLSearchParams({ section });
      const { courtDocuments } = await callJson(
        'courtDocuments',
        { method: 'GET', path: `/prosecutionCases/${seg(caseId)}/courtDocuments`, ...(query ? { query } : {}) },
        [200],
        CourtDocumentsResponseSchema,
      );
      const issues = courtDocuments.flatMap((doc, i) =>
        documentCaseId(doc.documentCategory) === caseId && (section === undefined || doc.section === section)
          ? []
          : [{ path: `courtDocuments[${i}]`, code: 'custom' }],
      );
      if (issues.length > 0) throw new CpMalformedResponseError('courtDocuments', 'unexpectedShape', issues);
      return courtDocuments;
    },

    materialContent: (materialId, opts) =>
      materialContent({ transport, status: statusContext(REFUSALS), headersTimeoutMs: timeoutMs, idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS }, materialId, opts),

    associate: async (caseId, defendantId, body, idempotencyKey) => {
      assertIdempotencyKey(idempotencyKey);
      const { association } = await callJson(
        'associate',
        {
          method: 'POST',
          path: `/prosecutionCases/${seg(caseId)}/defendants/${seg(defendantId)}/associations`,
          json: { representationType: body.representationType, ...(body.laaContractNumber === undefined ? {} : { laaContractNumber: body.laaContractNumber }) },
          idempotencyKey,
        },
        // 201 when created; a replayed key may come back as the first answer or as 200.
        [200, 201],
        AssociationResponseSchema,
        ASSOCIATION_REFUSALS,
      );
      return association;
    },

    listForms: async (caseId) => (await callJson('listForms', { method: 'GET', path: `/prosecutionCases/${seg(caseId)}/forms` }, [200], FormsListSchema)).forms,

    getForm: async (formId) => {
      const form = await callJson('getForm', { method: 'GET', path: `/forms/${seg(formId)}` }, [200], FormSchema);
      if (form.formId !== formId) throw new CpMalformedResponseError('getForm', 'unexpectedShape', [{ path: 'formId', code: 'custom' }]);
      return form;
    },

    formHistory: async (formId) => (await callJson('formHistory', { method: 'GET', path: `/forms/${seg(formId)}/history` }, [200], FormHistorySchema)).history,

    saveForm: async (formId, data, baseVersion, idempotencyKey) => {
      assertIdempotencyKey(idempotencyKey);
      const form = await callJson('saveForm', { method: 'PUT', path: `/forms/${seg(formId)}`, json: { data, baseVersion }, idempotencyKey }, [200], FormSchema);
      if (form.formId !== formId) throw new CpMalformedResponseError('saveForm', 'unexpectedShape', [{ path: 'formId', code: 'custom' }]);
      return form;
    },

    lockSection: async (formId, section) =>
      (await callJson('lockSection', { method: 'POST', path: `/forms/${seg(formId)}/sections/${seg(section)}/lock` }, [200], LockResponseSchema)).lockStatus,

    extendLock: async (formId, section) =>
      (await callJson('extendLock', { method: 'PUT', path: `/forms/${seg(formId)}/sections/${seg(section)}/lock` }, [200], LockResponseSchema)).lockStatus,

    releaseLock: (formId, section) => callEmpty('releaseLock', { method: 'DELETE', path: `/forms/${seg(formId)}/sections/${seg(section)}/lock` }, [200, 204], REFUSALS),

    serveDocument: (caseId, request, body, opts) =>
      serveDocument(
        { transport, status: statusContext(REFUSALS), timeoutMs, idleTimeoutMs: options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS },
        caseId,
        request,
        body,
        opts,
      ),

    checkIn: (hearingId, body, idempotencyKey) => {
      assertIdempotencyKey(idempotencyKey);
      return callJson(
        'checkIn',
        {
          method: 'POST',
          path: `/hearings/${seg(hearingId)}/defenceCounsels`,
          json: {
            status: body.status,
            ...(body.title === null ? {} : { title: body.title }),
            firstName: body.firstName,
            lastName: body.lastName,
            defendants: body.defendants,
            attendanceDays: body.attendanceDays,
          },
          idempotencyKey,
        },
        // 201 when made; a replayed key may come back as the first answer or as 200.
        [200, 201],
        CheckInResponseSchema,
        CHECK_IN_REFUSALS,
      );
    },

    disassociate: async (caseId, defendantId, idempotencyKey) => {
      assertIdempotencyKey(idempotencyKey);
      await callEmpty(
        'disassociate',
        { method: 'DELETE', path: `/prosecutionCases/${seg(caseId)}/defendants/${seg(defendantId)}/associations`, idempotencyKey },
        [200, 204],
        ASSOCIATION_REFUSALS,
      );
    },
  };
}
