import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { SCRIPT_CLIENT } from '../../src-sandbox/index';
import { startBrowserMode, type BrowserModeApp } from './browser-mode';
import { sampleWorld } from './sample-world';
import { signIn } from './sign-in';
import { expectNoSeriousAxeViolations } from './axe';
import { goOffline, restartApp } from './app-actions';

/**
 * The document viewer, end to end in browser mode: the sample world's 400-page IDPC bundle, and three
 * documents the defence "served" on the case through the sandbox's real serving route — so Common
 * Platform publishes them, sync downloads and verifies them, and the viewer meets them as stored
 * documents: one bookmarked (the bundle's own outline, pages within its documents), one protected by a
 * password, one cut short (a broken upload CP accepted). Keyboard-only use and axe checks throughout.
 */

const PASSWORD = 'court-room-3';
const DOCS = {
  bookmarked: 'Defence bundle with bookmarks',
  locked: 'Protected medical report',
  truncated: 'Damaged upload of a statement',
} as const;


function pdfBytes(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ autoFirstPage: false, size: 'A4', margin: 56, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

/** A small bundle of three documents, each with its bookmark; every page says which it is. */
function bookmarkedBundle(): Promise<Buffer> {
  const parts = [
    { title: 'Defence statement', pages: 3 },
    { title: 'Exhibit DEF/1 photographs', pages: 5 },
    { title: 'Notes of the interview', pages: 4 },
  ];
  return pdfBytes((doc) => {
    for (const part of parts) {
      for (let n = 1; n <= part.pages; n++) {
        doc.addPage();
        if (n === 1) doc.outline.addItem(part.title);
        doc.fontSize(18).text(`${part.title} — page ${n} of ${part.pages}`);
        doc.moveDown().fontSize(11).text('The defendant’s account of the evening is set out here in full.');
      }
    }
  });
}

function lockedReport(): Promise<Buffer> {
  return pdfBytes(
    (doc) => {
      doc.addPage();
      doc.fontSize(16).text('Medical report (protected)');
    },
    { userPassword: PASSWORD, ownerPassword: 'owner-secret', pdfVersion: '1.7' },
  );
}

async function truncatedStatement(): Promise<Buffer> {
  const whole = await pdfBytes((doc) => {
    for (let n = 1; n <= 12; n++) {
      doc.addPage();
      doc.fontSize(12).text(`Statement page ${n}. `.repeat(40));
    }
  });
  return whole.subarray(0, Math.floor(whole.length * 0.55));
}

/** Serves documents on the case as the defence would, through the sandbox's CP API (script client). */
async function serveOnCase(page: Page, app: BrowserModeApp, caseId: string): Promise<void> {
  const token = new URL(app.url).searchParams.get('token') ?? '';
  const status = await page.request.post(`${app.origin}/rpc/sandbox.getStatus`, {
    headers: { 'x-bluebag-request': '1', 'content-type': 'application/json', authorization: `Bearer ${token}` },
    data: {},
  });
  const sandboxUrl = ((await status.json()) as { value: { url: string } }).value.url;
  const grant = await page.request.post(`${sandboxUrl}/oauth2/token`, {
    form: { grant_type: 'client_credentials', client_id: SCRIPT_CLIENT.clientId, client_secret: SCRIPT_CLIENT.clientSecret },
  });
  const { access_token: accessToken } = (await grant.json()) as { access_token: string };
  const uploads: Array<[string, Buffer]> = [
    [DOCS.bookmarked, await bookmarkedBundle()],
    [DOCS.locked, await lockedReport()],
    [DOCS.truncated, await truncatedStatement()],
  ];
  for (const [name, body] of uploads) {
    const query = new URLSearchParams({ documentTypeDescription: 'Defence document', name });
    const answer = await page.request.post(`${sandboxUrl}/prosecutionCases/${caseId}/courtDocuments?${query}`, {
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/pdf', 'idempotency-key': `viewer-e2e-${name.replace(/[^A-Za-z0-9]+/g, '-')}` },
      data: body,
    });
    expect(answer.status(), `serving ${name}: ${await answer.text()}`).toBeLessThan(300);
  }
}

function viewer(page: Page) {
  const pane = page.getByTestId('viewer-pane').first();
  return {
    pane,
    pages: pane.getByTestId('viewer-viewport'),
    pageInput: pane.getByLabel('Page number in the bundle'),
    index: page.getByRole('navigation', { name: 'Bundle index' }),
    canvas: (n: number) => pane.locator(`.viewer-page[data-page-number="${n}"] canvas`),
    page: (n: number) => pane.locator(`.viewer-page[data-page-number="${n}"]`),
  };
}

async function openFromCase(page: Page, urn: string, documentName: string | RegExp): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My cases' }).click();
  await page.getByRole('button', { name: urn, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Court documents' })).toBeVisible({ timeout: 30_000 });
  const open = page.getByRole('button', { name: typeof documentName === 'string' ? `Open ${documentName}` : documentName }).last();
  await expect(open).toBeVisible({ timeout: 90_000 });
  await open.click();
}

async function box(locator: Locator): Promise<{ width: number; height: number }> {
  const value = await locator.boundingBox();
  if (!value) throw new Error('not on screen');
  return value;
}

test.describe.serial('document viewer', () => {
  let dataDir: string;
  let app: BrowserModeApp | null = null;
  let page: Page;
  const { world } = sampleWorld();
  const bundleCase = world.cases.find((candidate) => candidate.urn.startsWith('01EE43422'));
  if (!bundleCase) throw new Error('the sample world has no 400-page bundle case');
  const urn = bundleCase.urn;
  const idpcName = `IDPC bundle - ${urn}`;

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(300_000);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-e2e-viewer-'));
    // AxeBuilder needs a page of an explicit context.
    page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    app = await startBrowserMode({ dataDir });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Explore with sample cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 120_000 });
    await signIn(page, 'sokafor');
    await expect(page.getByRole('button', { name: urn, exact: true })).toBeVisible({ timeout: 60_000 });
    await serveOnCase(page, app, bundleCase.id);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync' }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByText('Up to date')).toBeVisible({ timeout: 120_000 });
  });

  test.afterAll(async () => {
    await page?.context().close();
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('opens the IDPC bundle from the case, with its index, pages and go to page', async () => {
    const v = viewer(page);
    await openFromCase(page, urn, idpcName);
    await expect(page.getByRole('heading', { level: 1, name: idpcName })).toBeVisible();
    await expect(v.canvas(1)).toBeVisible({ timeout: 20_000 });
    await expect(v.pane.getByText('of 400', { exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // Go to a bundle page by typing it.
    await v.pageInput.fill('120');
    await v.pageInput.press('Enter');
    await expect(v.canvas(120)).toBeVisible();
    await expect(v.pageInput).toHaveValue('120');
    // Scanned pages say search cannot see them.
    await expect(v.page(120).getByText('No text on this page — search cannot see it')).toBeVisible();
    await v.pageInput.fill('401');
    await v.pageInput.press('Enter');
    await expect(v.pane.getByRole('alert')).toHaveText('Enter a page from 1 to 400.');

    // Thumbnails: only those in view are drawn; choosing one goes to its page.
    await page.getByRole('tab', { name: 'Pages' }).click();
    const thumbnails = page.getByRole('region', { name: 'Pages of this document' });
    await expect(thumbnails.getByRole('button', { name: 'Page 120' })).toHaveAttribute('aria-current', 'page');
    await thumbnails.getByRole('button', { name: 'Page 121' }).click();
    await expect(v.pageInput).toHaveValue('121');
    await expect(thumbnails.locator('img').first()).toBeVisible();

    // The index: another document of the case, and back.
    await page.getByRole('tab', { name: 'Index' }).click();
    await v.index.getByRole('button', { name: /^MG11 statement/ }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: /^MG11 statement/ })).toBeVisible();
    await expect(v.canvas(1)).toBeVisible();
    await v.index.getByRole('button', { name: new RegExp(`^${idpcName}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: idpcName })).toBeVisible();
    // It remembered where it was in the bundle.
    await expect(v.pageInput).toHaveValue('121');
  });

  test('zooms (steps, fit page, Ctrl+wheel, Ctrl+0) and rotates', async () => {
    const v = viewer(page);
    const zoom = v.pane.getByRole('combobox', { name: 'Zoom' });
    const before = await box(v.page(121));
    await v.pane.getByRole('button', { name: 'Zoom in' }).click();
    await expect(zoom).not.toHaveValue('fitWidth');
    expect((await box(v.page(121))).width).toBeGreaterThan(before.width);
    await zoom.selectOption('fitPage');
    await expect.poll(async () => (await box(v.page(121))).height).toBeLessThan(900);
    await zoom.selectOption('0.5');
    await expect.poll(async () => Math.round((await box(v.page(121))).width)).toBe(Math.round(595.28 * (96 / 72) * 0.5));
    // Ctrl+wheel over the pages zooms about the pointer.
    const pages = await box(v.pages);
    await page.mouse.move(pages.width / 2 + 300, 500);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -300);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await box(v.page(121))).width).toBeGreaterThan(400);
    await v.pages.focus();
    await page.keyboard.press('Control+0');
    await expect(zoom).toHaveValue('fitWidth');

    const upright = await box(v.page(121));
    await v.pane.getByRole('button', { name: 'Rotate clockwise' }).click();
    await expect.poll(async () => (await box(v.page(121))).width > (await box(v.page(121))).height).toBe(true);
    await expect(v.canvas(121)).toBeVisible();
    expect((await box(v.page(121))).width).toBeLessThan(upright.width * 1.01);
    await v.pane.getByRole('button', { name: 'Rotate anticlockwise' }).click();
    await expect.poll(async () => (await box(v.page(121))).height > (await box(v.page(121))).width).toBe(true);
  });

  test('finds a phrase, with next and previous, and shows the hit', async () => {
    const v = viewer(page);
    await v.pane.getByRole('button', { name: 'Find', exact: true }).click();
    const find = v.pane.getByRole('searchbox', { name: 'Find in this document' });
    await expect(find).toBeFocused();
    await find.fill('knowledge and belief');
    const status = v.pane.getByTestId('find-status');
    await expect(status).toHaveText(/^Match 1 of \d+$/, { timeout: 30_000 });
    const total = Number(/of (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(3);
    await expect(v.pane.locator('.find-hit-selected')).toBeVisible();
    await find.press('Enter');
    await expect(status).toHaveText(`Match 2 of ${total}`);
    await v.pane.getByRole('button', { name: 'Next match' }).click();
    await expect(status).toHaveText(`Match 3 of ${total}`);
    await find.press('Shift+Enter');
    await expect(status).toHaveText(`Match 2 of ${total}`);
    await v.pane.getByRole('button', { name: 'Previous match' }).click();
    await expect(status).toHaveText(`Match 1 of ${total}`);
    // Backwards from the first hit wraps round to the last.
    await v.pane.getByRole('button', { name: 'Previous match' }).click();
    await expect(status).toHaveText(`Match ${total} of ${total}`);
    await expect(v.pane.locator('.find-hit-selected')).toBeInViewport();
    await expectNoSeriousAxeViolations(page);
    await find.fill('a phrase that is nowhere in it');
    await expect(status).toHaveText('No matches', { timeout: 30_000 });
    await find.press('Escape');
    await expect(find).toBeHidden();
    await expect(v.pages).toBeFocused();
  });

  test('works from the keyboard alone', async () => {
    const v = viewer(page);
    await v.pages.focus();
    await page.keyboard.press('g');
    await expect(v.pageInput).toBeFocused();
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect(v.canvas(10)).toBeVisible();
    await v.pages.focus();
    await page.keyboard.press('n');
    await expect(v.pageInput).toHaveValue('11');
    await page.keyboard.press('p');
    await page.keyboard.press('p');
    await expect(v.pageInput).toHaveValue('9');
    await page.keyboard.press('Control+=');
    await expect(v.pane.getByRole('combobox', { name: 'Zoom' })).not.toHaveValue('fitWidth');
    await page.keyboard.press('Control+0');
    await page.keyboard.press('Control+f');
    await expect(v.pane.getByRole('searchbox', { name: 'Find in this document' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(v.pages).toBeFocused();
    // F6 moves between the side panel and the document.
    await page.keyboard.press('F6');
    await expect(page.getByRole('tab', { name: 'Index' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Pages' })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    // One Tab stop for the whole index; the arrows move through it; Enter opens.
    await expect(v.index.getByRole('button', { name: new RegExp(`^${idpcName}`) })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(v.index.getByRole('button').nth(1)).toBeFocused();
    await page.keyboard.press('F6');
    await expect(v.pages).toBeFocused();
    // A note on the page, without a mouse.
    await page.keyboard.press('a');
    await expect(v.pane.getByRole('heading', { name: 'Add a note on page 9' })).toBeVisible();
    await page.keyboard.type('Check the custody record against this.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    await v.pane.getByRole('button', { name: 'Save note' }).press('Enter');
    await expect(v.pane.getByText('Note saved on page 9.')).toBeAttached();
    // The shortcuts are listed in a dialog.
    await v.pages.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts in the document viewer' });
    await expect(dialog).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('adds a note on selected text; after a reload the note and the reading place are still there', async () => {
    const v = viewer(page);
    await v.pageInput.fill('1');
    await v.pageInput.press('Enter');
    await expect(v.canvas(1)).toBeVisible();
    const text = v.page(1).locator('.textLayer span', { hasText: 'Charge sheet' }).first();
    await expect(text).toBeAttached();
    await text.evaluate((span) => {
      const range = document.createRange();
      range.selectNodeContents(span);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    });
    const fromSelection = v.pane.getByRole('button', { name: 'Add note on selected text' }).first();
    await expect(fromSelection).toBeVisible();
    await fromSelection.click();
    await expect(v.pane.locator('blockquote')).toHaveText(/Charge sheet/);
    await v.pane.getByLabel('Note (private, kept on this laptop)').fill('Charge sheet: check the date of the offence.');
    await v.pane.getByLabel('Green').check();
    await expectNoSeriousAxeViolations(page);
    await v.pane.getByRole('button', { name: 'Save note' }).click();
    await expect(v.page(1).locator('.viewer-note-rect.note-colour-green')).toBeVisible();
    // The notes tab lists it.
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(page.getByText('Charge sheet: check the date of the offence.')).toBeVisible();
    await page.getByRole('tab', { name: 'Index' }).click();

    // Somewhere else in the bundle, at another zoom; the place is saved as the reader settles.
    await v.pageInput.fill('37');
    await v.pageInput.press('Enter');
    await v.pane.getByRole('combobox', { name: 'Zoom' }).selectOption('fitPage');
    await expect(v.canvas(37)).toBeVisible();
    await page.waitForTimeout(1200);

    await page.reload();
    await openFromCase(page, urn, idpcName);
    await expect(v.pageInput).toHaveValue('37', { timeout: 20_000 });
    await expect(v.pane.getByRole('combobox', { name: 'Zoom' })).toHaveValue('fitPage');
    await expect(v.canvas(37)).toBeVisible();
    await v.pageInput.fill('1');
    await v.pageInput.press('Enter');
    await expect(v.page(1).locator('.viewer-note-rect.note-colour-green')).toBeVisible();
    await expect(v.page(1).locator('.viewer-note-rect').first()).toHaveAttribute('title', 'Charge sheet: check the date of the offence.');
    // A note's "go to page" in the notes tab moves the document there.
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('button', { name: 'Go to page 9' }).first().click();
    await expect(v.pageInput).toHaveValue('9');
    await page.getByRole('tab', { name: 'Index' }).click();
  });

  test('shows two documents side by side', async () => {
    await page.getByRole('button', { name: 'Side by side' }).click();
    const panes = page.getByTestId('viewer-pane');
    await expect(panes).toHaveCount(2);
    const right = panes.nth(1);
    await expect(right.locator('.viewer-page canvas').first()).toBeVisible();
    // The index opens documents in the pane in use (the right one, just opened).
    await page.getByRole('navigation', { name: 'Bundle index' }).getByRole('button', { name: /^Trial bundle/ }).click();
    await expect(right.getByRole('heading', { level: 2, name: /^Trial bundle/ })).toBeVisible();
    await expect(panes.nth(0).getByRole('heading', { level: 2, name: idpcName })).toBeVisible();
    await expect(right.locator('.viewer-page canvas').first()).toBeVisible();
    await expect(panes.nth(0).locator('.viewer-page canvas').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await right.getByRole('button', { name: 'Close this document' }).click();
    await expect(panes).toHaveCount(1);
  });

  test('a bookmarked bundle: its outline in the index, and pages within its documents', async () => {
    const v = viewer(page);
    await v.index.getByRole('button', { name: new RegExp(`^${DOCS.bookmarked}`) }).click();
    await expect(page.getByRole('heading', { level: 1, name: DOCS.bookmarked })).toBeVisible();
    await expect(v.pane.getByText('of 12', { exact: true })).toBeVisible();
    await v.index.getByRole('button', { name: /Notes of the interview/ }).click();
    await expect(v.pageInput).toHaveValue('9');
    await v.pane.getByLabel('Document in the bundle').selectOption({ label: 'Exhibit DEF/1 photographs (pages 4–8)' });
    await v.pane.getByLabel('Page in that document').fill('3');
    await v.pane.getByRole('button', { name: 'Go', exact: true }).click();
    await expect(v.pageInput).toHaveValue('6');
    await expect(v.page(6).locator('.textLayer')).toContainText('Exhibit DEF/1 photographs — page 3 of 5');
    await v.pane.getByLabel('Page in that document').fill('6');
    await v.pane.getByRole('button', { name: 'Go', exact: true }).click();
    await expect(v.pane.getByRole('alert')).toHaveText('That document has 5 pages: enter a page from 1 to 5.');
  });

  test('a PDF that cannot be opened says why, and the app carries on', async () => {
    const v = viewer(page);
    // Cut short: what CP published is not a whole PDF.
    await v.index.getByRole('button', { name: new RegExp(`^${DOCS.truncated}`) }).click();
    const failure = page.getByTestId('viewer-failure');
    await expect(failure).toBeVisible({ timeout: 20_000 });
    await expect(failure).toContainText(`${DOCS.truncated} cannot be shown`);
    await expect(failure).toContainText('damaged or is not a PDF');
    await expectNoSeriousAxeViolations(page);

    // Protected by a password: wrong, cancelled, then right.
    await v.index.getByRole('button', { name: new RegExp(`^${DOCS.locked}`) }).click();
    const prompt = page.getByTestId('viewer-password');
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await prompt.getByLabel('Password').fill('not-it');
    await prompt.getByRole('button', { name: 'Open document' }).click();
    await expect(prompt.getByRole('alert')).toHaveText('That password is not right. Check it and try again.');
    await prompt.getByRole('button', { name: 'Cancel' }).click();
    await expect(failure).toContainText('protected by a password');
    await failure.getByRole('button', { name: 'Try again' }).click();
    await prompt.getByLabel('Password').fill(PASSWORD);
    await prompt.getByRole('button', { name: 'Open document' }).click();
    await expect(v.canvas(1)).toBeVisible({ timeout: 20_000 });
    await expect(v.page(1).locator('.textLayer')).toContainText('Medical report (protected)');

    // The rest of the app is untouched.
    await page.getByRole('button', { name: 'Back to the case' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Court documents' })).toBeVisible();
  });

  test('reads in Welsh too', async () => {
    await openFromCase(page, urn, idpcName);
    await page.getByRole('button', { name: 'Newid i’r Gymraeg' }).click();
    const pane = page.getByTestId('viewer-pane').first();
    await expect(pane.getByRole('button', { name: 'Chwyddo i mewn' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Mynegai' })).toBeVisible();
    await expect(pane.getByLabel('Rhif y dudalen yn y bwndel')).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(pane.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  });
  test('offline, after the app restarts, the note and the reading place are still there', async () => {
    test.setTimeout(120_000);
    const v = viewer(page);
    await goOffline(page, true);
    await openFromCase(page, urn, idpcName);
    await v.pageInput.fill('55');
    await v.pageInput.press('Enter');
    await expect(v.canvas(55)).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(1200); // the place is saved as the reader settles

    // A real restart of the app (the process), on the same data folder; CP still unreachable.
    if (!app) throw new Error('app not started');
    app = await restartApp(page, app, dataDir);
    await goOffline(page, true);
    await openFromCase(page, urn, idpcName);
    await expect(v.pageInput).toHaveValue('55', { timeout: 20_000 });
    await expect(v.canvas(55)).toBeVisible({ timeout: 20_000 });
    await v.pageInput.fill('1');
    await v.pageInput.press('Enter');
    await expect(v.page(1).locator('.viewer-note-rect.note-colour-green')).toBeVisible({ timeout: 20_000 });
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(page.getByText('Charge sheet: check the date of the offence.')).toBeVisible();
  });
});
