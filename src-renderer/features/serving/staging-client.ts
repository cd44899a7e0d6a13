import { ContractErrorSchema, HTTP_CSRF_HEADER, ServiceItemSchema, type ContractError, type ServiceItem } from '../../../src-preload/api';

/**
 * Makes a draft from a picked or dropped file. Files never cross the contract: the bytes go to the
 * app's own origin (`stage?caseId=…&name=…`, relative like the viewer's `doc/…`, so it works on the
 * desktop app's scheme and in browser mode), authenticated the same way (the same-origin cookie in
 * browser mode). XMLHttpRequest rather than fetch because only it reports upload progress.
 */
export type StageResult = { ok: true; item: ServiceItem } | { ok: false; error: ContractError };

export interface StageRequest {
  caseId: string;
  file: File;
  onProgress(sentBytes: number, totalBytes: number): void;
  signal?: AbortSignal;
}

export function stagingUrl(caseId: string, name: string): string {
  return `stage?caseId=${encodeURIComponent(caseId)}&name=${encodeURIComponent(name)}`;
}

export function stageFile({ caseId, file, onProgress, signal }: StageRequest): Promise<StageResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', stagingUrl(caseId, file.name));
    request.withCredentials = true;
    // The same custom header as every RPC: it cannot be sent cross-site without a preflight.
    request.setRequestHeader(HTTP_CSRF_HEADER, '1');
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.responseType = 'text';
    request.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    request.onload = () => resolve(parseReply(request.status, request.responseText));
    request.onerror = () => resolve(failure('unavailable', 'errors.hostUnreachable'));
    // Only the user aborts (they removed the file while it was being staged); the caller drops the row.
    request.onabort = () => resolve(failure('unavailable', 'errors.internal'));
    signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}

/** 201 `{ item }` or 4xx/5xx `{ error }`; anything else is the host not answering as it should. */
export function parseReply(status: number, body: string): StageResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return failure(status === 401 ? 'forbidden' : 'internal', status === 401 ? 'errors.hostUnauthorised' : 'errors.internal');
  }
  if (status === 201 || status === 200) {
    const item = ServiceItemSchema.safeParse((parsed as { item?: unknown }).item);
    return item.success ? { ok: true, item: item.data } : failure('internal', 'errors.internal');
  }
  const error = ContractErrorSchema.safeParse((parsed as { error?: unknown }).error);
  if (error.success) return { ok: false, error: error.data };
  return status === 401 ? failure('forbidden', 'errors.hostUnauthorised') : failure('internal', 'errors.internal');
}

function failure(code: ContractError['code'], messageKey: string): StageResult {
  return { ok: false, error: { code, messageKey } };
}
