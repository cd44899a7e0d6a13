import { expect, test } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './browser-mode';
import { expectNoSeriousAxeViolations } from './axe';

let app: BrowserModeApp;

test.beforeEach(async () => {
  app = await startBrowserMode();
});
test.afterEach(async () => {
  await app.stop();
});


test('first run → Explore with sample cases → the app frame, online on the sandbox', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Bluebag' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Explore with sample cases' })).toBeVisible();
  await expect(page.getByText('is not an HMCTS product')).toBeVisible();
  // The token has left the address bar.
  expect(page.url()).not.toContain('token=');
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Explore with sample cases' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible({ timeout: 120_000 });
  await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible();
  await expect(page.getByTestId('connectivity-status')).toContainText('Online');
  await expect(page.getByTestId('connectivity-status')).toContainText('Sample cases');
  await expectNoSeriousAxeViolations(page);

  // Every screen of the frame is reachable by keyboard and passes axe.
  for (const name of ['Sample data', 'Settings', 'Help']) {
    await nav.getByRole('button', { name }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();
    await expectNoSeriousAxeViolations(page);
  }

  // Coming back later lands in the frame, not on the first-run screen.
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible({ timeout: 60_000 });
});

test('the Welsh switch changes the visible text, and the choice is kept', async ({ page }) => {
  await page.goto(app.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Bluebag' })).toBeVisible();
  await page.getByRole('button', { name: 'Newid i’r Gymraeg' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Croeso i Bluebag' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Archwilio gydag achosion enghreifftiol' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'cy');
  await expect(page.getByText('Welcome to Bluebag')).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Croeso i Bluebag' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to Bluebag' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a wrong Common Platform address is explained, a good one opens the frame', async ({ page }) => {
  await page.goto(app.url);
  const address = page.getByLabel('Common Platform address');
  await address.fill('http://cp.example.gov.uk');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('starting with https://');
  await expect(address).toHaveAttribute('aria-invalid', 'true');

  // An address nobody answers at: the frame opens and says so, rather than pretending to be online.
  await address.fill('http://127.0.0.1:9/');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByTestId('connectivity-status')).toContainText('Offline', { timeout: 15_000 });
});

test('the sandbox fault switches drive what the app sees', async ({ page }) => {
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Explore with sample cases' }).click();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('connectivity-status')).toContainText('Online');
  await nav.getByRole('button', { name: 'Sample data' }).click();
  await page.getByLabel('Go offline (refuse all connections)').check();
  await expect(page.getByTestId('connectivity-status')).toContainText('Offline');
  await page.getByLabel('Go offline (refuse all connections)').uncheck();
  await expect(page.getByTestId('connectivity-status')).toContainText('Online');
});

test('browser mode refuses a visit without the token', async ({ page }) => {
  const response = await page.goto(app.origin);
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { name: 'Welcome to Bluebag' })).toHaveCount(0);
});
