import { expect, test } from '@playwright/test';
import { startBrowserMode } from './browser-mode';
import { messyUrn, sampleWorld } from './sample-world';
import { signIn } from './sign-in';

// Refreshes the screenshots in docs/ (README): `BLUEBAG_DOCS_SCREENSHOTS=1 npx playwright test docs-screenshots`.
test.skip(!process.env.BLUEBAG_DOCS_SCREENSHOTS, 'only when refreshing the docs');

test('screenshots of the first screen and the app frame', async ({ page }) => {
  const app = await startBrowserMode();
  try {
    await page.setViewportSize({ width: 1200, height: 760 });
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Bluebag' })).toBeVisible();
    await page.screenshot({ path: 'docs/screenshots/first-run.png' });
    await page.getByRole('button', { name: 'Explore with sample cases' }).click();
    await expect(page.getByTestId('connectivity-status')).toContainText('Online', { timeout: 120_000 });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sample data' }).click();
    await page.screenshot({ path: 'docs/screenshots/app-frame.png' });
  } finally {
    await app.stop();
  }
});

test('screenshots of the case screens', async ({ page }) => {
  test.setTimeout(180_000);
  const app = await startBrowserMode();
  try {
    await page.setViewportSize({ width: 1200, height: 860 });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Explore with sample cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 120_000 });
    await signIn(page, 'sokafor');
    await expect(page.getByText(/Cases shown: \d+ of \d+/)).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: 'docs/screenshots/my-cases.png' });
    await page.getByRole('button', { name: 'Add a case' }).click();
    await page.getByLabel('URN', { exact: true }).fill(messyUrn(sampleWorld().freeCase.urn));
    await page.getByRole('button', { name: 'Find case' }).click();
    await expect(page.getByRole('button', { name: 'Associate and add case' })).toBeVisible();
    await page.screenshot({ path: 'docs/screenshots/add-case.png' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'My cases' }).click();
    await page.locator('.cases-table tbody tr th button').first().click();
    await expect(page.getByRole('heading', { level: 2, name: 'Court documents' })).toBeVisible();
    await page.screenshot({ path: 'docs/screenshots/case.png', fullPage: true });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sync' }).click();
    await page.screenshot({ path: 'docs/screenshots/sync.png' });
  } finally {
    await app.stop();
  }
});
