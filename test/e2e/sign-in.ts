import { expect, type Page } from '@playwright/test';
import { SANDBOX_PASSWORD } from '../../src-sandbox/index';

/** Signs in as a person would: the button opens CP's sign-in page in a new tab; fill it in; back to the app. */
export async function signIn(page: Page, username: string): Promise<void> {
  const popupPromise = page.context().waitForEvent('page');
  await page.getByRole('button', { name: 'Sign in to Common Platform' }).click();
  const popup = await popupPromise;
  await popup.getByLabel('Username or email address').fill(username);
  await popup.getByLabel('Password').fill(SANDBOX_PASSWORD);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect(popup.getByText(/signed in/i).first()).toBeVisible();
  await popup.close();
}
