import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoSeriousAxeViolations } from './axe';
import { startBrowserMode, type BrowserModeApp } from './browser-mode';
import { sampleWorld } from './sample-world';
import { signIn } from './sign-in';

test.describe('search across every cached case', () => {
  let dataDir: string;
  let app: BrowserModeApp | null = null;
  test.beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-e2e-search-'));
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('offline, a phrase is found across cases and a hit opens its page highlighted', async ({ page }) => {
    test.setTimeout(180_000);
    app = await startBrowserMode({ dataDir });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Explore with sample cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 120_000 });
    await signIn(page, 'sokafor');
    const nav = page.getByRole('navigation', { name: 'Main' });

    // Everything downloaded and indexed, then the connection goes.
    await nav.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('search-status')).toContainText(/Searching \d+ documents/, { timeout: 60_000 });
    await expect(page.getByTestId('search-status')).not.toContainText('still being prepared', { timeout: 120_000 });
    await expect(page.getByTestId('search-status')).toContainText('scans with no text');
    // The seeded republished IDPC bundle: once both versions are indexed, its case says what changed.
    const { world } = sampleWorld();
    const republished = world.documents.find((d) => d.section === 'IDPC' && d.materials.length > 1);
    const republishedCase = world.cases.find((c) => c.id === republished?.caseId);
    if (!republishedCase) throw new Error('the sample world has no republished bundle');
    await nav.getByRole('button', { name: 'My cases' }).click();
    await page.getByRole('button', { name: republishedCase.urn, exact: true }).click();
    const banner = page.locator('.version-banner');
    await expect(banner).toContainText('was republished', { timeout: 30_000 });
    await expect(banner).toContainText(/Pages (added|removed)|No pages added/);
    await expectNoSeriousAxeViolations(page);

    await nav.getByRole('button', { name: 'Sample data' }).click();
    await page.getByLabel('Go offline (refuse all connections)').check();
    await expect(page.getByTestId('connectivity-status')).toContainText('Offline', { timeout: 30_000 });

    await nav.getByRole('button', { name: 'Search' }).click();
    await page.getByLabel('Search every document on this laptop').fill('witness statement');
    await expect(page.getByText(/Showing \d+ of \d+ pages found/)).toBeVisible();
    const hits = page.locator('.search-hit');
    expect(await hits.count()).toBeGreaterThan(1);
    // The hit words are marked in the snippet, and several cases are represented.
    await expect(hits.first().locator('mark').first()).toHaveText(/witness|statement/i);
    const urns = new Set(await hits.locator('.muted').allTextContents());
    expect(urns.size).toBeGreaterThan(1);
    await expectNoSeriousAxeViolations(page);

    // Syntax typed by a user is only words.
    await page.getByLabel('Search every document on this laptop').fill('"NEAR( OR *');
    await expect(page.getByText(/Nothing found|Showing/)).toBeVisible();

    await page.getByLabel('Search every document on this laptop').fill('witness statement');
    await expect(page.getByText(/Showing \d+ of \d+ pages found/)).toBeVisible();
    const title = (await hits.first().locator('.search-hit-title').textContent()) ?? '';
    const pageNumber = Number(/page (\d+)$/.exec(title)?.[1]);
    await hits.first().locator('.search-hit-title').click();
    // The viewer opens on that page with the words highlighted in its text layer.
    await expect(page.locator(`[data-page-number="${pageNumber}"] .find-hit-selected`)).toBeInViewport({ timeout: 30_000 });
  });
});
