import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { startBrowserMode, type BrowserModeApp } from './browser-mode';
import { sampleWorld } from './sample-world';
import { signIn } from './sign-in';
import { goOffline, nav, openCase, restartApp, rpc } from './app-actions';

/**
 * Serving documents on the court, as a new user would in browser mode against the real sandbox, on
 * the issue's path: with the sandbox offline and its clock at 3pm on a Friday, three documents queued
 * (NOT served, with the warning that they will count as served on Monday), the app restarted, the
 * sandbox brought back, and the receipts and deemed-service dates read — computed from CP's clock. Also:
 * a Crown Court case is sent to DCS, and a check-in made offline is "not yet".
 */

// The seeded world's hand-placed cases (src-sandbox/seed/dataset.ts): 4 is a magistrates' case of
// firm 1 with its first hearing today; 9 is a Crown Court case of firm 1.
const { world } = sampleWorld();
const magistratesCase = world.cases[4];
const crownCase = world.cases[9];

/** A small, well-formed PDF (one page, correct cross-reference offsets), so main's checks pass. */
function tinyPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${`BT /F1 18 Tf 72 760 Td (${text}) Tj ET`.length} >>\nstream\nBT /F1 18 Tf 72 760 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

function pdfFile(name: string) {
  return { name, mimeType: 'application/pdf', buffer: tinyPdf(name.replace(/\.pdf$/, '')) };
}

/** England and Wales bank holidays, as the app ships them. */
function bankHolidays(): Set<string> {
  const file = JSON.parse(readFileSync(path.join('resources', 'bank-holidays', 'england-and-wales.json'), 'utf8')) as { events: Array<{ date: string }> };
  return new Set(file.events.map((event) => event.date));
}

function londonOffsetMinutes(ms: number): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(ms))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']));
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * A clock offset that puts the sandbox at 15:00 Europe/London on a recent past Friday that is a
 * business day and is followed by a business Monday (so the expected day of service is that Monday).
 * The past, not the future: moving the server clock forward would expire the session's tokens.
 */
function fridayAfternoonOffset(now = Date.now()): { offsetMs: number; friday: string; monday: string } {
  const holidays = bankHolidays();
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (let back = 1; back < 60; back++) {
    const midday = now - back * 86_400_000;
    if (new Date(midday).getUTCDay() !== 5) continue;
    const friday = day(midday);
    const monday = day(Date.parse(`${friday}T12:00:00Z`) + 3 * 86_400_000);
    if (holidays.has(friday) || holidays.has(monday)) continue;
    const noonUtc = Date.parse(`${friday}T12:00:00Z`);
    const at15London = Date.parse(`${friday}T15:00:00Z`) - londonOffsetMinutes(noonUtc) * 60_000;
    return { offsetMs: Math.round(at15London - now), friday, monday };
  }
  throw new Error('no suitable Friday in the last 60 days');
}

function longDate(day: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).formatToParts(
    new Date(`${day}T12:00:00Z`),
  );
  const part = (type: string) => parts.find((item) => item.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

/** The sandbox's fault switches through the app's own contract (as the Sample data screen calls it). */
async function setSandboxFaults(page: Page, app: BrowserModeApp, patch: Record<string, unknown>): Promise<void> {
  await rpc(page, app, 'sandbox.setFaults', patch);
}

async function openServe(page: Page, urn: string): Promise<void> {
  await openCase(page, urn);
  await page.getByRole('button', { name: /^Serve a document/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Serve documents: ${urn}` })).toBeVisible();
}

async function queueDocuments(page: Page, names: string[], type: string): Promise<void> {
  await page.getByTestId('serve-file-input').setInputFiles(names.map(pdfFile));
  await expect(page.getByTestId('serve-draft')).toHaveCount(names.length, { timeout: 30_000 });
  await page.getByLabel('Type of document').selectOption({ label: type });
  await page.getByRole('button', { name: 'Queue for service' }).click();
  const confirmation = page.getByTestId('serve-confirmation');
  await expect(confirmation).toContainText('Queued — NOT served yet. It will be sent when Common Platform can be reached.');
  await expect(confirmation).toContainText(`Documents queued: ${names.length}`);
}

function outboxItem(page: Page, name: string) {
  return page.getByTestId('outbox-item').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

test.describe('serving documents and checking in', () => {
  test.describe.configure({ mode: 'serial' });
  let dataDir: string;
  let app: BrowserModeApp | null = null;

  test.beforeAll(() => {
    if (!magistratesCase || magistratesCase.currentJurisdiction !== 'MAGISTRATES' || !crownCase || crownCase.currentJurisdiction !== 'CROWN') {
      throw new Error('the seeded world no longer has cases 4 (magistrates) and 9 (Crown) where this test expects them');
    }
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-e2e-serving-'));
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a Crown Court case is sent to DCS; a check-in made offline is not yet a check-in', async ({ page }) => {
    test.setTimeout(240_000);
    if (!magistratesCase || !crownCase) throw new Error('unreachable');
    app = await startBrowserMode({ dataDir });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Explore with sample cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 120_000 });
    await signIn(page, 'sokafor');
    await expect(page.getByRole('button', { name: magistratesCase.urn, exact: true })).toBeVisible({ timeout: 60_000 });

    // Crown Court: no form, an explanation of where service goes instead.
    await openServe(page, crownCase.urn);
    await expect(page.getByTestId('serve-dcs')).toContainText('Digital Case System');
    await expect(page.getByRole('button', { name: 'Queue for service' })).toHaveCount(0);
    await expectNoSeriousAxeViolations(page);

    // Offline on the day of the hearing: the check-in waits and says so.
    await goOffline(page, true);
    await openCase(page, magistratesCase.urn);
    const checkIn = page.getByTestId('hearing-check-in').first();
    await expect(checkIn).toContainText('Sitting today');
    await checkIn.getByRole('button', { name: 'Check in' }).click();
    await checkIn.getByLabel('Solicitor', { exact: true }).check();
    await expectNoSeriousAxeViolations(page);
    await checkIn.getByRole('button', { name: 'Check in now' }).click();
    await expect(checkIn.getByTestId('check-in-state')).toHaveText('Not yet checked in — will send when online');

    // Back online: it goes, and shows CP's time.
    await goOffline(page, false);
    await openCase(page, magistratesCase.urn);
    await expect(page.getByTestId('hearing-check-in').first().getByTestId('check-in-state')).toHaveText(/^Checked in at \d\d:\d\d \(Common Platform time\)$/, { timeout: 60_000 });
  });

  test('queued offline, NOT served; kept across a restart; sent when CP is back, with receipts and deemed-service dates', async ({ page }) => {
    test.setTimeout(300_000);
    if (!magistratesCase || !app) throw new Error('the first test starts the app');
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 60_000 });

    // The sandbox's clock at 15:00 on a Friday. The app learns CP's time from its answers (the Date
    // header): a sync is the ordinary way to ask. Before queueing, it warns by CP's clock.
    const { offsetMs, monday } = fridayAfternoonOffset();
    await setSandboxFaults(page, app, { clockOffsetMs: offsetMs });
    const forecast = page.getByTestId('service-forecast');
    await expect(async () => {
      await nav(page).getByRole('button', { name: 'Sync' }).click();
      await page.getByRole('button', { name: 'Sync now' }).click({ timeout: 5_000 });
      await openServe(page, magistratesCase.urn);
      await expect(forecast).toContainText(`If sent now it will count as served on ${longDate(monday)}.`, { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });

    // Offline: three documents queued — the forecast still by CP's clock as last seen, with the rule.
    await goOffline(page, true);
    await openServe(page, magistratesCase.urn);
    await expect(forecast).toContainText(`If sent now it will count as served on ${longDate(monday)}.`);
    await expect(forecast).toContainText('after 2.30pm');
    await expect(forecast).toContainText('r.4.11');
    await queueDocuments(page, ['Defence statement.pdf', 'Skeleton argument.pdf'], 'Defence statement');
    await openServe(page, magistratesCase.urn);
    await queueDocuments(page, ['Witness statement of A Patel.pdf'], 'Witness statement');
    await expectNoSeriousAxeViolations(page);
    const names = ['Defence statement.pdf', 'Skeleton argument.pdf', 'Witness statement of A Patel.pdf'];
    await nav(page).getByRole('button', { name: 'Outbox, 3 unsent' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
    for (const name of names) await expect(outboxItem(page, name)).toContainText('Queued — not served');
    await expect(page.getByTestId('outbox-status')).toContainText('Common Platform cannot be reached');
    await expectNoSeriousAxeViolations(page);

    // Restart the app on the same data. The sandbox comes back as it was left — offline, its clock on
    // Friday afternoon — so nothing has gone: still queued, still not served.
    app = await restartApp(page, app, dataDir);
    await expect(page.getByTestId('connectivity-status')).toContainText('Offline', { timeout: 60_000 });
    await nav(page).getByRole('button', { name: 'Outbox, 3 unsent' }).click();
    for (const name of names) await expect(outboxItem(page, name)).toContainText('Queued — not served');

    // CP is back: they go by themselves; CP's Friday-afternoon receipts make Monday the day of service.
    await goOffline(page, false);
    await nav(page).getByRole('button', { name: /^Outbox/ }).click();
    for (const name of names) {
      const item = outboxItem(page, name);
      await expect(item).toContainText(`Accepted by Common Platform — deemed served on ${longDate(monday)} (sent after 2.30pm)`, { timeout: 90_000 });
      await expect(item).toContainText(/Receipt [\w-]+, received by Common Platform at Fri.+ \(Common Platform’s time\)/);
    }
    await expect(nav(page).getByRole('button', { name: 'Outbox', exact: true })).toBeVisible();
    await expect(page.getByTestId('accepted-notices')).toContainText(`accepted by Common Platform; deemed served on ${longDate(monday)}.`);
    await expectNoSeriousAxeViolations(page);

    // The case screen lists what was served on it.
    await openCase(page, magistratesCase.urn);
    const served = page.getByTestId('case-served');
    await expect(served.getByText('Accepted by Common Platform — deemed served on', { exact: false })).toHaveCount(3);
    await setSandboxFaults(page, app, { clockOffsetMs: 0 });
  });
});
