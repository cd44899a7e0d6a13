import { expect, test } from '@playwright/test';
import { startBrowserMode } from './browser-mode';

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
