/**
 * The sandbox's `Date` header is its own clock (real time plus the clockOffsetMs fault), as a real CP's
 * would be — so the app's "by CP's clock" estimate can be tested against a server whose clock is off.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../src-sandbox/index';
import { ServerClockEstimate, observingFetch } from '../../src-main/core/server-time';
import { startTestSandbox } from './helpers';

const THREE_DAYS = 3 * 86_400_000;
let sb: Sandbox;

beforeAll(async () => {
  sb = await startTestSandbox();
}, 180_000);

afterAll(async () => {
  await sb.stop();
});

afterEach(async () => {
  await sb.resetFaults();
});

/** The response's Date header minus the real time it was received (the header has whole seconds). */
async function headerSkewMs(path: string, init?: RequestInit): Promise<{ status: number; skewMs: number }> {
  const res = await fetch(`${sb.url}${path}`, init);
  await res.arrayBuffer();
  const date = res.headers.get('date');
  if (date === null) throw new Error('no Date header');
  return { status: res.status, skewMs: Date.parse(date) - Date.now() };
}

describe('sandbox Date header', () => {
  it('with no clock offset, is the real time', async () => {
    const { skewMs } = await headerSkewMs('/health');
    expect(Math.abs(skewMs)).toBeLessThan(2000);
  });

  it('with clockOffsetMs +3 days, is three days ahead on every kind of answer', async () => {
    await sb.setFaults({ clockOffsetMs: THREE_DAYS });
    const answers = [
      await headerSkewMs('/health'),
      await headerSkewMs('/no-such-route'),
      await headerSkewMs('/prosecutionCases?prosecutionCaseReference=X'), // 401: no token
      await headerSkewMs('/oauth2/token', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=nonsense' }),
    ];
    for (const a of answers) expect(Math.abs(a.skewMs - THREE_DAYS), `status ${a.status}`).toBeLessThan(2000);
    expect(answers.map((a) => a.status)).toEqual([200, 404, 401, 400]);
  });

  it('follows the clock on injected faults too (429 and 500 come from "CP" as well)', async () => {
    await sb.setFaults({ clockOffsetMs: -THREE_DAYS, rateLimit: { retryAfterSeconds: 1 } });
    const limited = await headerSkewMs('/prosecutionCases');
    expect(limited.status).toBe(429);
    expect(Math.abs(limited.skewMs + THREE_DAYS)).toBeLessThan(2000);
    await sb.setFaults({ rateLimit: null, errorRate: 1, errorKinds: ['500'] });
    const failed = await headerSkewMs('/prosecutionCases');
    expect(failed.status).toBe(500);
    expect(Math.abs(failed.skewMs + THREE_DAYS)).toBeLessThan(2000);
  });

  it('lets observingFetch estimate the sandbox clock from any response', async () => {
    await sb.setFaults({ clockOffsetMs: THREE_DAYS });
    const clock = new ServerClockEstimate();
    await (await observingFetch(fetch, clock)(`${sb.url}/health`)).arrayBuffer();
    const estimate = clock.estimate(Date.now());
    expect(estimate).not.toBeNull();
    expect(Math.abs((estimate?.serverNowMs ?? 0) - sb.now().getTime())).toBeLessThan(1500);
  });
});
