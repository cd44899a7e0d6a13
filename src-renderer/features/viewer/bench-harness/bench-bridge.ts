import type { BluebagApi, CallResult, MethodName, MethodResult } from '../../../../src-preload/api';

/**
 * The benchmark pages have no main process behind them, only a server of documents: this stands in for
 * the contract with the answers a fresh install gives (no saved position, no notes, search not built).
 * Imported first, so the viewer's bridge finds it on `window.bluebag`.
 */
const answers: Partial<{ [M in MethodName]: CallResult<MethodResult<M>> }> = {
  'reading.getPosition': { ok: true, value: null },
  'reading.setPosition': { ok: true, value: {} },
  'reading.pageInfo': { ok: false, error: { code: 'unavailable', messageKey: 'errors.searchFailed' } },
  'notes.list': { ok: true, value: [] },
};

const benchBridge: BluebagApi = {
  call: async <M extends MethodName>(method: M) =>
    (answers[method] as CallResult<MethodResult<M>> | undefined) ?? { ok: false, error: { code: 'unknown_method', messageKey: 'errors.unknownMethod' } },
  on: () => () => undefined,
};

window.bluebag = benchBridge;
