import type { ContractError, ErrorCode } from '../../src-preload/api';

/**
 * The one error type core services throw for failures the user can act on. It carries a message key
 * (translated by the renderer) instead of a sentence, so no stack trace or internal detail ever crosses
 * the contract.
 */
export class BluebagError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    options?: { cause?: unknown },
  ) {
    super(`${code}: ${messageKey}`, options);
    this.name = 'BluebagError';
  }
}

export function toContractError(error: unknown): ContractError {
  if (error instanceof BluebagError) return { code: error.code, messageKey: error.messageKey };
  return { code: 'internal', messageKey: 'errors.internal' };
}
