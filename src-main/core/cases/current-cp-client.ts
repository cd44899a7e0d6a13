import { createCpClient, type CpClient, type CpClientOptions } from '../cp';
import { BluebagError } from '../errors';

/**
 * A CP client that always talks to the server configured now. The sandbox may come back on another
 * port and the user may switch to a real CP address; the sync pieces hold one client for their life.
 */
export function currentCpClient(baseUrl: () => string | null, accessToken: () => Promise<string>, network: Pick<CpClientOptions, 'fetch' | 'streamGet'> = {}): CpClient {
  let cached: { url: string; client: CpClient } | null = null;
  const client = (): CpClient => {
    const url = baseUrl();
    if (url === null) throw new BluebagError('unavailable', 'errors.notConnected');
    if (cached?.url !== url) cached = { url, client: createCpClient({ baseUrl: url, accessToken, ...network }) };
    return cached.client;
  };
  return {
    me: () => client().me(),
    searchCases: (query) => client().searchCases(query),
    associatedCases: (cursor, limit) => client().associatedCases(cursor, limit),
    caseDetail: (caseId) => client().caseDetail(caseId),
    courtDocuments: (caseId, section) => client().courtDocuments(caseId, section),
    materialContent: (materialId, opts) => client().materialContent(materialId, opts),
    associate: (caseId, defendantId, body, key) => client().associate(caseId, defendantId, body, key),
    disassociate: (caseId, defendantId, key) => client().disassociate(caseId, defendantId, key),
    serveDocument: (caseId, request, body, opts) => client().serveDocument(caseId, request, body, opts),
    checkIn: (hearingId, body, key) => client().checkIn(hearingId, body, key),
    listForms: (caseId) => client().listForms(caseId),
    getForm: (formId) => client().getForm(formId),
    formHistory: (formId) => client().formHistory(formId),
    saveForm: (formId, data, baseVersion, key) => client().saveForm(formId, data, baseVersion, key),
    lockSection: (formId, section) => client().lockSection(formId, section),
    extendLock: (formId, section) => client().extendLock(formId, section),
    releaseLock: (formId, section) => client().releaseLock(formId, section),
  };
}
