/** What the e2e specs do in the app the same way: navigate, open a case, switch the sandbox off, call the contract. */
import { expect, type Page } from '@playwright/test';
import { startBrowserMode, type BrowserModeApp } from './browser-mode';

export const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

/** The Sample data screen's "Go offline" switch, and the app seeing it. */
export async function goOffline(page: Page, offline: boolean): Promise<void> {
  await nav(page).getByRole('button', { name: 'Sample data' }).click();
  const toggle = page.getByLabel('Go offline (refuse all connections)');
  if (offline) await toggle.check();
  else await toggle.uncheck();
  await expect(page.getByTestId('connectivity-status')).toContainText(offline ? 'Offline' : 'Online', { timeout: 30_000 });
}

/** My cases → the case, waiting for one of its section headings. */
export async function openCase(page: Page, urn: string, heading = 'Defendants'): Promise<void> {
  await nav(page).getByRole('button', { name: 'My cases' }).click();
  await page.getByRole('button', { name: urn, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible({ timeout: 30_000 });
}

/** A call through the app's own contract (browser mode's loopback RPC, with the page's cookie). */
export async function rpc<T>(page: Page, app: BrowserModeApp, method: string, args: Record<string, unknown>): Promise<T> {
  const response = await page.request.post(`${app.origin}/rpc/${method}`, { headers: { 'x-bluebag-request': '1', 'content-type': 'application/json' }, data: args });
  const body = (await response.json()) as { ok: boolean; value: T };
  expect(body.ok, `${method} answered ${JSON.stringify(body)}`).toBe(true);
  return body.value;
}

/** Stops the app and starts it again on the same data folder, as a user reopening it: back on My cases. */
export async function restartApp(page: Page, app: BrowserModeApp, dataDir: string): Promise<BrowserModeApp> {
  await app.stop();
  const restarted = await startBrowserMode({ dataDir });
  await page.goto(restarted.url);
  await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 60_000 });
  return restarted;
}
