import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { FIRM_1_ID } from '../../src-sandbox/index';
import { goOffline, restartApp } from './app-actions';
import { startBrowserMode, type BrowserModeApp } from './browser-mode';
import { messyUrn, sampleWorld } from './sample-world';
import { signIn } from './sign-in';
import { expectNoSeriousAxeViolations } from './axe';


test.describe('sign in, add a case, sync, go offline, restart', () => {
  let dataDir: string;
  let app: BrowserModeApp | null = null;

  test.beforeAll(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-e2e-cases-'));
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the whole path, as a new user would', async ({ page }) => {
    test.setTimeout(240_000);
    const { world, freeCase } = sampleWorld();
    app = await startBrowserMode({ dataDir });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Explore with sample cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 120_000 });

    await signIn(page, 'sokafor');
    await expect(page.getByText('Signed in as Sarah Okafor, Carter Lloyd Solicitors LLP')).toBeVisible();
    // Firm 1's cases arrive by themselves after sign-in.
    const firm1Cases = new Set(world.associations.filter((a) => a.organisationId === FIRM_1_ID).map((a) => a.caseId));
    await expect(page.getByText(`Cases shown: ${firm1Cases.size} of ${firm1Cases.size}`)).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousAxeViolations(page);

    // A wrong URN is explained, part by part.
    await page.getByRole('button', { name: 'Add a case' }).click();
    const urnField = page.getByLabel('URN', { exact: true });
    await urnField.fill('39/GD/1116');
    await page.getByRole('button', { name: 'Find case' }).click();
    await expect(page.getByRole('alert')).toBeVisible();

    // Messy typing is normalised; the case is found and associated.
    await urnField.fill(messyUrn(freeCase.urn));
    await page.getByRole('button', { name: 'Find case' }).click();
    const defendant = freeCase.defendants[0];
    if (!defendant) throw new Error('no defendant');
    await page.getByRole('radio').first().check();
    await page.getByLabel('Representation').selectOption('REPRESENTATION_ORDER_APPLIED_FOR');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Associate and add case' }).click();
    await expect(page.getByText('You are now associated with this case')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Open case' }).click();

    // The case screen: defendants, offences, hearings, documents with their offline state.
    await expect(page.getByRole('heading', { level: 2, name: 'Defendants' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('heading', { level: 2, name: 'Court documents' })).toBeVisible();
    await expect(page.getByText('On this laptop').first()).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousAxeViolations(page);

    // Sync status: progress and counts, then everything downloaded.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync' }).click();
    await expect(page.getByText('Up to date')).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousAxeViolations(page);

    // The sandbox goes offline; the app says so and keeps working.
    await goOffline(page, true);

    // Restart the app on the same data folder: every case and its documents' metadata are still there.
    app = await restartApp(page, app, dataDir);
    // The sample world kept its state and address: still signed in, no second sign-in.
    await expect(page.getByText('Signed in as Sarah Okafor, Carter Lloyd Solicitors LLP')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sample data' }).click();
    await page.getByLabel('Go offline (refuse all connections)').check();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My cases' }).click();
    await expect(page.getByText(`Cases shown: ${firm1Cases.size + 1} of ${firm1Cases.size + 1}`)).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: freeCase.urn, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Court documents' })).toBeVisible();
    await expect(page.getByText('On this laptop').first()).toBeVisible();
  });
});
