/** Shared set-up for the CP client tests: a real sandbox over loopback and a client signed in to it. */
import { expect } from 'vitest';
import { clientCredentialsToken, control, startTestSandbox } from '../../sandbox/helpers';
import type { Sandbox } from '../../../src-sandbox/index';
import { createCpClient, type CpClient, type CpClientOptions, type CpError } from '../../../src-main/core/cp/index';

export { sha256Hex } from '../../sandbox/helpers';

/** Seeded URNs (seed 20240607, anchor 2026-03-10); see docs/sandbox.md. */
export const URN = {
  /** Birmingham MC, firm 1, IDPC bundle. */
  firm1: '208E9376325',
  /** Westminster MC, firm 1 holds a representation order. */
  firm1RepOrder: '01EE4342226',
  /** Highbury Corner MC, firm 2 holds a representation order (firm 1 is refused). */
  firm2RepOrder: '015L9799625',
  /** Southwark Crown Court, nobody associated. */
  free: '017S7405626',
  /** Leeds Crown Court, firm 2. */
  firm2: '13GJ1828726',
} as const;

export interface TestContext {
  readonly sb: Sandbox;
  /** A client acting as sokafor (firm 1) through the script client's client_credentials grant. */
  readonly client: CpClient;
  /** Gets a fresh token, e.g. after the sandbox expired them all. */
  renewToken(): Promise<void>;
  makeClient(extra?: Partial<CpClientOptions>): CpClient;
}

export async function startCpTest(): Promise<TestContext> {
  const sb = await startTestSandbox();
  let token = await clientCredentialsToken(sb);
  // Read through a closure so a renewed token reaches clients made earlier, as the auth layer would.
  const makeClient = (extra: Partial<CpClientOptions> = {}): CpClient => createCpClient({ baseUrl: sb.url, accessToken: () => Promise.resolve(token), ...extra });
  return {
    sb,
    client: makeClient(),
    renewToken: async () => {
      token = await clientCredentialsToken(sb);
    },
    makeClient,
  };
}

export async function expireAllTokens(sb: Sandbox): Promise<void> {
  const res = await control(sb, '/tokens/expire', { method: 'POST' });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

/** Awaits `work`, expecting it to fail with an instance of `type`; returns the error for further checks. */
export async function failure<E extends CpError>(work: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const outcome = await work.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(type);
  return outcome as E;
}

export async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}
