import { describe, expect, it } from 'vitest';
import { ServerClockEstimate, observingFetch } from '../../../src-main/core/server-time';

const LOCAL = Date.UTC(2026, 5, 10, 12, 0, 0, 250);
const THREE_DAYS = 3 * 86_400_000;
const header = (ms: number): string => new Date(ms).toUTCString();

describe('ServerClockEstimate', () => {
  it('knows nothing until CP has been seen', () => {
    const clock = new ServerClockEstimate();
    expect(clock.estimate(LOCAL)).toBeNull();
    expect(clock.snapshot()).toBeNull();
  });

  it('keeps the offset server − local, taking the middle of the header’s second', () => {
    const clock = new ServerClockEstimate();
    // CP is three days ahead; its header truncates to the whole second.
    expect(clock.observe(header(LOCAL + THREE_DAYS), LOCAL)).toBe(true);
    const truncated = Math.floor((LOCAL + THREE_DAYS) / 1000) * 1000;
    expect(clock.snapshot()).toEqual({ offsetMs: truncated + 500 - LOCAL, observedAtLocalMs: LOCAL });
    const later = clock.estimate(LOCAL + 60_000);
    expect(later).toEqual({ serverNowMs: truncated + 500 + 60_000, observedAgoMs: 60_000 });
    // Within a second of the truth, whatever the truncation.
    expect(Math.abs((later?.serverNowMs ?? 0) - (LOCAL + THREE_DAYS + 60_000))).toBeLessThan(1000);
  });

  it('ignores malformed or missing headers and keeps what it had', () => {
    const clock = new ServerClockEstimate();
    clock.observe(header(LOCAL - 5000), LOCAL);
    const before = clock.snapshot();
    for (const bad of ['', 'not a date', '2026-06-10T12:00:00Z', null, undefined]) expect(clock.observe(bad, LOCAL + 1000)).toBe(false);
    expect(clock.observe(header(LOCAL), Number.NaN)).toBe(false);
    expect(clock.snapshot()).toEqual(before);
  });

  it('the latest observation wins (the laptop clock may have been changed in between)', () => {
    const clock = new ServerClockEstimate();
    clock.observe(header(LOCAL + THREE_DAYS), LOCAL);
    clock.observe(header(LOCAL + 10_000), LOCAL + 10_000);
    expect(clock.estimate(LOCAL + 10_000)?.serverNowMs).toBeCloseTo(LOCAL + 10_000, -3);
  });

  it('gives no estimate if the laptop clock now reads earlier than when CP was seen', () => {
    const clock = new ServerClockEstimate();
    clock.observe(header(LOCAL), LOCAL);
    expect(clock.estimate(LOCAL - 1)).toBeNull();
    expect(clock.estimate(LOCAL)).not.toBeNull();
  });

  it('round-trips through a snapshot, as stored in settings', () => {
    const clock = new ServerClockEstimate();
    clock.observe(header(LOCAL + THREE_DAYS), LOCAL);
    const stored: unknown = JSON.parse(JSON.stringify(clock.snapshot()));
    const restored = ServerClockEstimate.restore(stored);
    expect(restored.estimate(LOCAL + 1234)).toEqual(clock.estimate(LOCAL + 1234));
  });

  it.each([null, undefined, 42, 'x', {}, { offsetMs: 1 }, { offsetMs: 1.5, observedAtLocalMs: 2 }, { offsetMs: 1, observedAtLocalMs: 2, extra: true }])(
    'restores %j as "CP never seen"',
    (stored) => {
      expect(ServerClockEstimate.restore(stored).estimate(LOCAL)).toBeNull();
    },
  );
});

describe('observingFetch', () => {
  it('notes the Date header of every response and hands the response back untouched', async () => {
    const clock = new ServerClockEstimate();
    const requests: string[] = [];
    const inner: typeof fetch = async (input) => {
      requests.push(String(input));
      return new Response('{"ok":true}', { status: 200, headers: { Date: header(LOCAL + THREE_DAYS), 'Content-Type': 'application/json' } });
    };
    const wrapped = observingFetch(inner, clock, () => LOCAL);
    const res = await wrapped('https://cp.example/api/me', { method: 'GET' });
    expect(await res.json()).toEqual({ ok: true });
    expect(requests).toEqual(['https://cp.example/api/me']);
    expect(clock.estimate(LOCAL)?.serverNowMs).toBeCloseTo(LOCAL + THREE_DAYS, -3);
  });

  it('error responses count too (CP’s clock is CP’s clock), a response with no Date changes nothing', async () => {
    const clock = new ServerClockEstimate();
    const wrapped = observingFetch(async () => new Response(null, { status: 503, headers: { Date: header(LOCAL) } }), clock, () => LOCAL);
    expect((await wrapped('https://cp.example/x')).status).toBe(503);
    expect(clock.snapshot()).not.toBeNull();
    const none = new ServerClockEstimate();
    await observingFetch(async () => new Response('x'), none, () => LOCAL)('https://cp.example/x');
    expect(none.snapshot()).toBeNull();
  });

  it('a failed fetch observes nothing and rejects as before', async () => {
    const clock = new ServerClockEstimate();
    const wrapped = observingFetch(async () => Promise.reject(new TypeError('fetch failed')), clock);
    await expect(wrapped('https://cp.example/x')).rejects.toThrow('fetch failed');
    expect(clock.snapshot()).toBeNull();
  });
});
