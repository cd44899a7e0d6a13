/**
 * `npm run bench -- cases`: "My cases" with 500 cached cases. Writes 500 realistic cases into a real
 * encrypted cache through the app's own queries, starts browser mode on it, and measures in Chromium:
 * time to the full table, a filter keystroke, a sort change; and the core's `cases.list` call alone.
 * Baseline in the same run: the time Chromium takes to lay out the same 500 rows as static HTML.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import Conf from 'conf';
import { openCaseCache } from '../../src-main/core/case-cache';
import { createCpClient } from '../../src-main/core/cp';
import { listCaseSummaries, writeCase, type CaseRecord } from '../../src-main/core/db';
import { filterAndSortCases } from '../../src-renderer/features/cases/case-list-order';
import { percentile, report, round } from './report';
import { startBrowserMode } from '../e2e/browser-mode';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';

const CASES = 500;
/** Evaluated in the page (as a string: this file is type-checked for Node, without the DOM's types). */
const NEXT_FRAME = 'new Promise((resolve) => requestAnimationFrame(() => resolve(null)))';
const COURTS = ['Westminster Magistrates’ Court', 'Leeds Crown Court', 'Cardiff Magistrates’ Court', 'Birmingham Crown Court', 'Highbury Corner Magistrates’ Court'];
const SURNAMES = ['ASHWORTH', 'OKAFOR', 'PRITCHARD', 'WHITFIELD', 'REES', 'JONES', 'NGUYEN', 'KHAN', 'MURPHY', 'EVANS'];

function syntheticCase(i: number, now: Date): CaseRecord {
  const id = randomUUID();
  const day = new Date(now.getTime() + ((i % 60) - 20) * 86_400_000).toISOString().slice(0, 10);
  const defendants = Array.from({ length: 1 + (i % 3) }, (_, d) => ({
    id: randomUUID(),
    masterDefendantId: null,
    firstName: `Person${i}`,
    middleName: null,
    lastName: SURNAMES[(i + d) % SURNAMES.length] ?? 'SMITH',
    organisationName: null,
    dateOfBirth: '1990-01-01',
    pncId: null,
    associatedOrganisationId: null,
    offences: [{ id: randomUUID(), code: 'TH68001', title: 'Theft from a shop', wording: null, startDate: null, modeOfTrial: 'Either Way', plea: null, indicatedPlea: null, verdict: null, custodyTimeLimit: null }],
  }));
  return {
    id,
    urn: `${String(10 + (i % 80)).padStart(2, '0')}AB${String(10000 + i).slice(-5)}26`,
    status: 'ACTIVE',
    initiationCode: 'C',
    prosecutionAuthority: 'CPS',
    version: 1,
    defendants,
    hearings: [
      {
        id: randomUUID(),
        jurisdiction: i % 4 === 0 ? 'CROWN' : 'MAGISTRATES',
        courtName: COURTS[i % COURTS.length] ?? 'Court',
        courtWelshName: null,
        roomName: `Court ${1 + (i % 9)}`,
        hearingType: 'Trial',
        language: 'ENGLISH',
        sittingDays: [{ sittingDay: `${day}T10:00:00.000Z`, listedDurationMinutes: 120 }],
      },
    ],
    documents: Array.from({ length: 4 }, (_, d) => ({
      id: randomUUID(),
      section: ['IDPC', 'WS', 'EX', 'UM'][d] ?? 'IDPC',
      name: `Document ${d + 1}`,
      typeDescription: null,
      mimeType: 'application/pdf',
      defendantIds: [],
      isRemoved: false,
      materials: [{ id: randomUUID(), uploadedAt: now.toISOString(), publishedDate: null, size: 1_000_000, pageCount: 20, sha256: '0'.repeat(64) }],
    })),
  };
}

export async function caseListBench(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-bench-cases-'));
  try {
    const masterKey = randomBytes(32);
    writeFileSync(path.join(dataDir, 'master.key'), masterKey, { mode: 0o600 });
    // A configured CP address that does not answer: the app shows the cache, as offline at court.
    new Conf({ cwd: dataDir, configName: 'settings', projectName: 'bluebag' }).set({ language: 'en', mode: 'commonPlatform', cpBaseUrl: 'http://127.0.0.1:9/', storageBudgetBytes: null });
    const cache = openCaseCache({ dir: path.join(dataDir, 'cache'), masterKey, client: createCpClient({ baseUrl: 'http://127.0.0.1:9', accessToken: () => Promise.reject(new Error('offline')) }) });
    const now = new Date();
    cache.db.transaction(() => {
      for (let i = 0; i < CASES; i++) writeCase(cache.db, syntheticCase(i, now), now);
    })();
    const summaries = listCaseSummaries(cache.db);
    const listTimes: number[] = [];
    for (let run = 0; run < 20; run++) {
      const started = performance.now();
      listCaseSummaries(cache.db);
      listTimes.push(performance.now() - started);
    }
    await cache.close();

    const app = await startBrowserMode({ dataDir });
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const renders: number[] = [];
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        await page.goto(run === 0 ? app.url : new URL('/', app.url).toString());
        await page.getByText(`Cases shown: ${CASES} of ${CASES}`).waitFor({ timeout: 60_000 });
        renders.push(performance.now() - started);
      }
      const filterTimes: number[] = [];
      const filter = page.getByLabel('Filter by URN, defendant or court');
      for (const text of ['a', 'as', 'ash', 'ashw', 'leeds', 'court 3', '']) {
        const started = performance.now();
        await filter.fill(text);
        await page.getByText(/Cases shown: \d+ of 500/).waitFor();
        await page.evaluate(NEXT_FRAME);
        filterTimes.push(performance.now() - started);
      }
      // The virtualised rows must still be the right ones when scrolled: the last case shows at the bottom.
      // Row heights are measured as rows appear, so the end moves while scrolling: scroll until it settles.
      for (let step = 0; step < 10; step++) {
        await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
        await page.evaluate(NEXT_FRAME);
        await page.evaluate(NEXT_FRAME);
      }
      const lastUrn = await page.locator('.cases-table tbody tr[data-index] .urn').last().textContent();
      const expectedLast = filterAndSortCases(summaries, '', 'nextHearing').at(-1)?.urn;
      if (lastUrn !== expectedLast) throw new Error(`scrolled to the end: last row ${lastUrn ?? 'none'}, expected ${expectedLast ?? '?'}`);
      await page.evaluate('window.scrollTo(0, 0)');

      const sortStarted = performance.now();
      await page.getByLabel('Sort by').selectOption('defendant');
      await page.evaluate(NEXT_FRAME);
      const sortMs = performance.now() - sortStarted;

      // Baseline: all 500 rows as plain static HTML (same cells, same stylesheet), laid out by the same Chromium.
      const styles = (await page.evaluate("[...document.querySelectorAll('link[rel=stylesheet]')].map((link) => link.href)")) as string[];
      const escape = (text: string) => text.replace(/[&<>]/g, (c) => `&#${c.charCodeAt(0)};`);
      const rowsHtml = `<table class="table cases-table"><tbody>${summaries
        .map(
          (c) =>
            `<tr><th><button class="link-button urn">${c.urn}</button></th><td>${escape(c.defendants.map((d) => d.name).join(', '))}</td><td>${escape(c.nextHearing?.at ?? '')}<br><span class="muted">${escape(c.nextHearing?.courtName ?? '')}</span></td><td>${c.jurisdiction ?? ''}</td><td><span class="badge">${c.offline.stored} of ${c.offline.total}</span></td></tr>`,
        )
        .join('')}</tbody></table>`;
      const baselinePage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const baselineStarted = performance.now();
      await baselinePage.goto(new URL('/', app.url).toString());
      await baselinePage.setContent(`<!doctype html><html><head>${styles.map((href) => `<link rel="stylesheet" href="${href}">`).join('')}</head><body><main class="main">${rowsHtml}</main></body></html>`);
      await baselinePage.evaluate(NEXT_FRAME);
      const baselineMs = performance.now() - baselineStarted;

      const render = percentile(renders.slice(1), 50);
      report('cases', {
        cases: CASES,
        core_list_p50_ms: round(percentile(listTimes, 50)),
        core_list_p95_ms: round(percentile(listTimes, 95)),
        first_open_ms: round(renders[0] ?? Number.NaN),
        reload_to_table_p50_ms: round(render),
        filter_keystroke_p95_ms: round(percentile(filterTimes, 95)),
        sort_ms: round(sortMs),
        static_html_baseline_ms: round(baselineMs),
      }, {
        core_list_p50_ms: 'cases.list query alone (500 cases, 1–3 defendants, 4 documents each)',
        reload_to_table_p50_ms: 'page load → 500-row table rendered, browser mode, warm',
        filter_keystroke_p95_ms: 'typing in the filter → table updated and painted',
        static_html_baseline_ms: 'all 500 rows as static HTML with the app stylesheet, same Chromium',
      });
    } finally {
      await browser.close();
      await app.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await caseListBench();
