import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail, CaseSearchResult, CaseSummary, PendingAssociation, SessionStatus, SyncStatus } from '../../../src-preload/api';
import type { CoreApp } from '../../../src-main/core';
import type { Sandbox } from '../../../src-sandbox/index';
import { browserSignIn } from '../auth/helpers';
import { makeCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import { FIRM1_SOLICITOR, seedData, startTestSandbox } from '../../sandbox/helpers';
import { FIRM_1_ID, FIRM_2_ID } from '../../../src-sandbox/index';

/**
 * The core as the app runs it, connected to a CP sandbox over loopback as it would be to CP: sign-in,
 * sync into the encrypted cache, association by URN through the outbox (offline → pending → sent once),
 * CP's refusals in words, sign-out wiping the cache.
 */
describe('cases, association and sync through the contract', () => {
  const temp = makeTempDir();
  const dataDir = path.join(temp.dir, 'data');
  let sb: Sandbox;
  let core: CoreApp;

  const call = async <T>(method: string, args: unknown = {}): Promise<T> => {
    const result = await core.dispatch(method, args);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.messageKey}`);
    return result.value as T;
  };
  const until = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 20_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const value = await read();
      if (ok(value)) return value;
      if (Date.now() > end) throw new Error(`condition not met in time: ${JSON.stringify(value).slice(0, 400)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const seed = seedData();
  const firmCases = (firm: string) => new Set(seed.associations.filter((a) => a.organisationId === firm).map((a) => a.caseId));
  const firm1 = firmCases(FIRM_1_ID);
  const firm2 = firmCases(FIRM_2_ID);
  const freeCase = seed.cases.find((c) => !firm1.has(c.id) && !firm2.has(c.id) && c.currentJurisdiction === 'MAGISTRATES');
  const lockedCase = seed.cases.find((c) =>
    seed.associations.some((a) => a.caseId === c.id && a.organisationId === FIRM_2_ID && a.representationType === 'REPRESENTATION_ORDER') && !firm1.has(c.id),
  );

  beforeAll(async () => {
    sb = await startTestSandbox();
    core = makeCore(dataDir, { connectivity: { timeoutMs: 1_000, onlineIntervalMs: 200, offlineIntervalMs: 200 } });
    await call('cp.connect', { baseUrl: sb.url });
  });
  afterAll(async () => {
    await core.dispose();
    await sb.stop();
    temp.cleanup();
  });

  it('signs in through the browser and syncs every associated case by itself', async () => {
    expect(await call<CaseSummary[]>('cases.list')).toEqual([]);
    const { authorizationUrl } = await call<{ authorizationUrl: string }>('session.signIn');
    const landing = await browserSignIn(authorizationUrl, FIRM1_SOLICITOR);
    expect(landing.status).toBe(200);
    await until(() => call<SessionStatus>('session.getStatus'), (s) => s.state === 'signedIn');
    const list = await until(() => call<CaseSummary[]>('cases.list'), (cases) => cases.length === firm1.size);
    expect(new Set(list.map((c) => c.id))).toEqual(firm1);
    const status = await until(() => call<SyncStatus>('sync.getStatus'), (s) => s.state === 'idle' && s.downloads.queued + s.downloads.active === 0);
    expect(status.downloads.failed).toBe(0);
    expect(status.downloads.stored).toBeGreaterThan(0);
    expect(status.storage.usedBytes).toBe(status.downloads.bytesDone);
  });

  it('shows a case with its defendants, offences, hearings and documents', async () => {
    const one = seed.cases.find((c) => firm1.has(c.id));
    if (!one) throw new Error('no firm-1 case');
    const detail = await call<CaseDetail>('cases.get', { caseId: one.id });
    expect(detail.summary.urn).toBe(one.urn);
    expect(detail.defendants.map((d) => d.id)).toEqual(one.defendants.map((d) => d.id));
    expect(detail.defendants[0]?.offences.length).toBe(one.defendants[0]?.offences.length);
    expect(detail.hearings.length).toBe(one.hearings.length);
    expect(detail.documents.every((d) => d.materials.every((m) => m.state === 'stored'))).toBe(true);
  });

  it('refuses a malformed URN with the part-by-part reason, before asking CP', async () => {
    const before = sb.stats().requests.total;
    const result = await core.dispatch('cases.search', { urn: '39/GD/111' });
    expect(result).toEqual({ ok: false, error: { code: 'invalid_argument', messageKey: 'urn.problems.tooShort' } });
    expect(sb.stats().requests.total).toBe(before);
  });

  it('offline, an association waits in the outbox as pending, then goes exactly once when CP returns', async () => {
    if (!freeCase) throw new Error('no free case in the seed');
    const messy = `${freeCase.urn.slice(0, 2)}/${freeCase.urn.slice(2, 4).toLowerCase()} ${freeCase.urn.slice(4)}`;
    const found = await call<CaseSearchResult[]>('cases.search', { urn: messy });
    expect(found.map((c) => c.caseId)).toEqual([freeCase.id]);
    expect(found[0]?.cached).toBe(false);
    const defendant = found[0]?.defendants[0];
    if (!defendant) throw new Error('no defendant');

    const createdBefore = sb.stats().associations.created;
    await sb.setFaults({ offline: true });
    const answer = await call<{ state: string }>('cases.associate', {
      caseId: freeCase.id,
      defendantId: defendant.defendantId,
      representationType: 'REPRESENTATION_ORDER_APPLIED_FOR',
      laaContractNumber: '2N378D',
      urn: freeCase.urn,
      defendantName: defendant.name,
    });
    expect(answer).toEqual({ state: 'pending' });
    const pending = await call<PendingAssociation[]>('cases.pendingAssociations');
    expect(pending).toMatchObject([{ action: 'associate', caseId: freeCase.id, urn: freeCase.urn, state: 'queued' }]);

    await sb.setFaults({ offline: false });
    // Connectivity comes back by itself (the monitor polls); the outbox sends, then a sync brings the case.
    await until(() => call<CaseSummary[]>('cases.list'), (cases) => cases.some((c) => c.id === freeCase.id));
    expect(await call<PendingAssociation[]>('cases.pendingAssociations')).toEqual([]);
    expect(sb.stats().associations.created).toBe(createdBefore + 1);
  });

  it("says in plain words when CP refuses: another firm's representation order", async () => {
    if (!lockedCase) throw new Error('no locked case in the seed');
    const defendantId = seed.associations.find((a) => a.caseId === lockedCase.id && a.organisationId === FIRM_2_ID)?.defendantId;
    const result = await core.dispatch('cases.associate', {
      caseId: lockedCase.id,
      defendantId,
      representationType: 'REPRESENTATION_ORDER',
      urn: lockedCase.urn,
      defendantName: 'x',
    });
    expect(result).toEqual({ ok: false, error: { code: 'conflict', messageKey: 'errors.lockedByRepresentationOrder' } });
    // Refused on the spot: the user read why, so it does not linger as pending.
    expect(await call<PendingAssociation[]>('cases.pendingAssociations')).toEqual([]);
  });

  it('"not kept offline" frees the case\'s space; keeping it again downloads it anew', async () => {
    const one = seed.cases.find((c) => firm1.has(c.id));
    if (!one) throw new Error('no firm-1 case');
    // Measure from a still point: earlier tests' downloads have finished.
    const before = await until(() => call<SyncStatus>('sync.getStatus'), (s) => s.downloads.queued + s.downloads.active === 0);
    const caseBytes = (await call<CaseDetail>('cases.get', { caseId: one.id })).documents.flatMap((d) => d.materials).reduce((sum, m) => sum + m.size, 0);
    expect(caseBytes).toBeGreaterThan(0);
    const summary = await call<CaseSummary>('cases.setKeepOffline', { caseId: one.id, keep: false });
    expect(summary).toMatchObject({ keepOffline: false, offline: { stored: 0 } });
    const after = await call<SyncStatus>('sync.getStatus');
    expect(after.storage.usedBytes).toBe(before.storage.usedBytes - caseBytes);
    const detail = await call<CaseDetail>('cases.get', { caseId: one.id });
    expect(detail.documents.flatMap((d) => d.materials).every((m) => m.state === 'queued')).toBe(true);

    await call('cases.setKeepOffline', { caseId: one.id, keep: true });
    const again = await until(() => call<CaseSummary[]>('cases.list'), (cases) => {
      const row = cases.find((c) => c.id === one.id);
      return row !== undefined && row.offline.stored === row.offline.total;
    });
    expect(again.find((c) => c.id === one.id)?.offline.storedBytes).toBe(caseBytes);
  });

  it('leaving a case takes it (and its documents) off this laptop at the next sync', async () => {
    if (!freeCase) throw new Error('no free case');
    const defendantId = freeCase.defendants[0]?.id;
    await expect(call('cases.disassociate', { caseId: freeCase.id, defendantId })).resolves.toEqual({ state: 'disassociated' });
    await until(() => call<CaseSummary[]>('cases.list'), (cases) => !cases.some((c) => c.id === freeCase.id));
  });

  it('keeps nothing of a case readable on disk without the key', () => {
    const one = seed.cases.find((c) => firm1.has(c.id));
    const surname = one?.defendants[0]?.personDetails.lastName;
    expect(surname).toBeTruthy();
    const needles = [one?.urn ?? '', surname ?? ''].map((text) => Buffer.from(text, 'utf8'));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(dataDir);
    expect(files.some((file) => file.endsWith('cache.db'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${path.relative(dataDir, file)} holds case text in clear`).toBe(false);
    }
  });

  it('sign-out asks about unsent work, then wipes the cache and the vault', async () => {
    await sb.setFaults({ offline: true });
    const one = seed.cases.find((c) => !firm1.has(c.id) && !firm2.has(c.id) && c.id !== freeCase?.id);
    if (!one) throw new Error('no other free case');
    await call('cases.associate', {
      caseId: one.id,
      defendantId: one.defendants[0]?.id,
      representationType: 'PRIVATE',
      urn: one.urn,
      defendantName: 'x',
    });
    expect(await call<{ count: number }>('session.unsentCount')).toEqual({ count: 1 });
    await expect(core.dispatch('session.signOut', {})).resolves.toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    await call('session.signOut', { unsentWork: 'keep' });
    expect(await call<CaseSummary[]>('cases.list')).toEqual([]);
    expect(await call<{ count: number }>('session.unsentCount')).toEqual({ count: 1 });
    const vaultDir = path.join(dataDir, 'cache', 'vault');
    const left = (() => {
      try {
        return readdirSync(vaultDir);
      } catch {
        return [];
      }
    })();
    expect(left).toEqual([]);
    await sb.setFaults({ offline: false });
  });
});
