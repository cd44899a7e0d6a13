import type { z } from 'zod';
import {
  isMethodName,
  methods,
  type CallResult,
  type ContractError,
  type MethodName,
  type MethodResult,
  type Methods,
} from '../../../src-preload/api';
import { toContractError } from '../errors';

/** One implementation per contract method; arguments arrive already validated and defaulted. */
export type ContractHandlers = {
  [M in MethodName]: (args: z.output<Methods[M]['args']>) => Promise<MethodResult<M>> | MethodResult<M>;
};

export type Dispatch = (method: string, rawArgs: unknown) => Promise<CallResult<unknown>>;

/**
 * The single gate every call from a renderer passes through, whichever transport carried it:
 * unknown methods and invalid arguments are refused with typed errors before any handler runs, and
 * results are checked against the contract so a bug in main cannot send the renderer a wrong shape.
 */
export function createDispatcher(handlers: ContractHandlers): Dispatch {
  return async (name, rawArgs) => {
    if (!isMethodName(name)) {
      return { ok: false, error: { code: 'unknown_method', messageKey: 'errors.unknownMethod' } };
    }
    const definition = methods[name];
    const parsed = definition.args.safeParse(rawArgs);
    if (!parsed.success) return { ok: false, error: invalidArgument(parsed.error) };
    try {
      const handler = handlers[name] as (args: unknown) => unknown;
      const value: unknown = await handler(parsed.data);
      const checked = definition.result.safeParse(value);
      if (!checked.success) {
        console.error(`[contract] ${name} produced a result that breaks the contract`);
        return { ok: false, error: { code: 'internal', messageKey: 'errors.internal' } };
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      const contractError = toContractError(error);
      // BLUEBAG_DEBUG=1 prints the whole error for a developer; by default only its class (no personal data).
      if (contractError.code === 'internal') {
        console.error(`[contract] ${name} failed:`, error instanceof Error ? error.name : 'unknown', process.env.BLUEBAG_DEBUG ? error : '');
      }
      return { ok: false, error: contractError };
    }
  };
}

function invalidArgument(error: z.ZodError): ContractError {
  return {
    code: 'invalid_argument',
    messageKey: 'errors.invalidArgument',
    // Paths and keys only: the offending values may be personal data and never leave main.
    issues: error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      messageKey: issue.message.startsWith('errors.') ? issue.message : 'errors.invalidValue',
    })),
  };
}
