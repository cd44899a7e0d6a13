import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SANDBOX_PASSWORD } from '../../src-sandbox/index';
import { expectNoSeriousAxeViolations } from './axe';
import { startBrowserMode, type BrowserModeApp } from './browser-mode';
import { sampleWorld } from './sample-world';
import { signIn } from './sign-in';
import { goOffline, openCase as openCaseAt, restartApp, rpc } from './app-actions';

/**
 * The PET form as a new user would fill it in, in browser mode against the real sandbox: Part 3
 * written offline, kept across a restart, submitted once CP is back and CP's copy checked as another
 * client sees it; then another user of the firm changes the same form (one clash chosen by the user,
 * one change merged by itself), and a section another user has locked.
 */

// Case 0 of the seeded world is a magistrates' trial of firm 1 with a PET per defendant.
const { world } = sampleWorld();
const petCase = world.cases[0];
// Case 9 is a Crown Court case of firm 1, with a BCM form.
const crownCase = world.cases[9];

const openCase = (page: Page, urn: string) => openCaseAt(page, urn, 'Forms');

async function openPart3(page: Page, formButton: string): Promise<void> {
  await page.getByRole('button', { name: formButton }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Preparation for Effective Trial/ })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('navigation', { name: 'Parts of the form' }).getByRole('button', { name: /^Part 3: / }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Part 3: / })).toBeFocused();
}

/** Where an element starts on the page (not in the viewport, so scrolling does not count as moving). */
function documentTop(locator: Locator): Promise<number> {
  return locator.evaluate((element) => element.getBoundingClientRect().top + window.scrollY);
}

/** Another user of the sandbox, signed in the way a CP client does (authorization code + PKCE). */
async function sandboxUser(sandboxUrl: string, username: string): Promise<(pathAndQuery: string, init?: RequestInit) => Promise<Response>> {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const redirectUri = 'http://127.0.0.1:53682/callback';
  const authorize = await fetch(`${sandboxUrl}/oauth2/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ response_type: 'code', client_id: 'bluebag-desktop', redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', state: 'e2e', scope: 'cp offline_access', username, password: SANDBOX_PASSWORD }),
  });
  const code = new URL(authorize.headers.get('location') ?? 'http://x/').searchParams.get('code');
  if (!code) throw new Error(`sign-in of ${username} failed: ${authorize.status}`);
  const token = await fetch(`${sandboxUrl}/oauth2/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'bluebag-desktop', code, code_verifier: verifier, redirect_uri: redirectUri }),
  });
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  return (pathAndQuery, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Authorization', `Bearer ${accessToken}`);
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    return fetch(`${sandboxUrl}${pathAndQuery}`, { ...init, headers });
  };
}

interface CpForm {
  version: number;
  data: Record<string, Record<string, unknown>>;
}

interface FormListItem {
  formId: string;
  formType: 'PET' | 'BCM';
  defendantNames: string[];
}

test.describe('PET form: offline draft, submit, conflicts, locks', () => {
  test.describe.configure({ mode: 'serial' });
  let dataDir: string;
  let app: BrowserModeApp | null = null;
  let formId = '';
  let formButton = '';
  let sandboxUrl = '';

  test.beforeAll(() => {
    if (!petCase || petCase.currentJurisdiction !== 'MAGISTRATES') throw new Error('the seeded world no longer has case 0 (a magistrates trial) where this test expects it');
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'bluebag-e2e-forms-'));
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('Part 3 written offline survives a restart, is submitted when CP is back, and CP’s copy matches', async ({ page }) => {
    test.setTimeout(300_000);
    if (!petCase) throw new Error('unreachable');
    app = await startBrowserMode({ dataDir });
    await page.goto(app.url);
    await page.getByRole('button', { name: 'Explore with sample cases' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 120_000 });
    await signIn(page, 'sokafor');
    await expect(page.getByRole('button', { name: petCase.urn, exact: true })).toBeVisible({ timeout: 60_000 });
    sandboxUrl = (await rpc<{ url: string }>(page, app, 'sandbox.getStatus', {})).url;

    // Online once, so the case's forms are on the laptop; the court made them, the app lists them.
    await openCase(page, petCase.urn);
    const forms = page.getByTestId('case-forms');
    await expect(forms.getByRole('button', { name: /^PET form for / }).first()).toBeVisible({ timeout: 60_000 });
    const listed = await rpc<FormListItem[]>(page, app, 'forms.list', { caseId: petCase.id });
    const pet = listed.find((form) => form.formType === 'PET');
    if (!pet) throw new Error('no PET listed');
    formId = pet.formId;
    formButton = `PET form for ${pet.defendantNames.join(', ')}`;
    await expect(forms).toContainText('No draft on this laptop');
    await expectNoSeriousAxeViolations(page);
    const prosecutionWitnesses = ((world.forms.find((form) => form.formId === formId)?.data['part2'] as { prosecutionWitnesses?: Array<{ name: string }> } | undefined)?.prosecutionWitnesses ?? []).map((w) => w.name);
    const firstWitness = prosecutionWitnesses[0];
    if (!firstWitness) throw new Error('the seeded PET has no prosecution witnesses');

    // Offline: open the PET and fill in Part 3.
    await goOffline(page, true);
    await openCase(page, petCase.urn);
    await openPart3(page, formButton);
    await expect(page.getByText('Draft — not submitted', { exact: false })).toHaveCount(0);
    await expect(page.getByText('Completed by the prosecution', { exact: false })).toHaveCount(0); // Part 3 is the defence's
    // CP's answer to the lock request and the first save land while the user is already clicking the
    // next field: nothing above the fields may grow then, or the click lands somewhere else.
    const plea = page.getByRole('group', { name: /^Plea/ });
    const pleaTop = await documentTop(plea);
    await plea.getByLabel('Not guilty to every offence').check();
    await expect(page.getByText('Offline — your answers are kept as a draft on this laptop.')).toBeVisible();
    await expect(page.getByText(/^Saved on this laptop at \d\d:\d\d \(not submitted\)$/)).toBeVisible();
    expect(await documentTop(plea)).toBe(pleaTop);
    await page.getByLabel(/^What are the real issues in the case\?/).fill('Identification: the defendant was not there.');
    await page.getByRole('group', { name: /^Will the defendant give evidence\?/ }).getByLabel('Yes').check();

    await page.getByRole('button', { name: 'Add Witness required 1' }).click();
    const required = page.getByRole('group', { name: 'Witness required 1' });
    if (prosecutionWitnesses.length > 7) await required.getByLabel(/^Witness/).selectOption({ label: firstWitness });
    else await required.getByLabel(firstWitness, { exact: true }).check();
    await required.getByLabel(/^Why must this witness attend\?/).fill('Identification is disputed.');

    await page.getByRole('button', { name: 'Add Defence witness 1' }).click();
    const witness1 = page.getByRole('group', { name: 'Defence witness 1' });
    await expect(witness1.getByLabel(/^Name/)).toBeFocused();
    await witness1.getByLabel(/^Name/).fill('Anna Kowalska');
    await witness1.getByRole('group', { name: /^Does the witness need an interpreter\?/ }).getByLabel('Yes').check();
    await witness1.getByLabel(/^Language/).fill('Polish');
    await witness1.getByRole('group', { name: /^Does the witness need special measures\?/ }).getByLabel('No').check();
    await page.getByRole('button', { name: 'Add Defence witness 2' }).click();
    const witness2 = page.getByRole('group', { name: 'Defence witness 2' });
    await witness2.getByLabel(/^Name/).fill('Gareth Jones');
    await witness2.getByRole('group', { name: /^Does the witness need an interpreter\?/ }).getByLabel('No').check();
    await witness2.getByRole('group', { name: /^Does the witness need special measures\?/ }).getByLabel('No').check();

    const defendant = page.getByRole('region', { name: 'The defendant' });
    await defendant.getByRole('group', { name: /^Does the defendant need an interpreter\?/ }).getByLabel('Yes').check();
    await defendant.getByLabel(/^Language/).fill('Welsh');
    await expect(page.getByText(/^Saved on this laptop at \d\d:\d\d \(not submitted\)$/)).toBeVisible();
    await expect(page.getByText(/^Draft — not submitted/).first()).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /^Still to do before you submit/ })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // Restart the app on the same data folder (still offline): the draft is intact.
    app = await restartApp(page, app, dataDir);
    await expect(page.getByTestId('connectivity-status')).toContainText('Offline', { timeout: 30_000 });
    await openCase(page, petCase.urn);
    await expect(page.getByTestId('case-forms')).toContainText('Draft — not submitted');
    await openPart3(page, formButton);
    await expect(page.getByLabel(/^What are the real issues in the case\?/)).toHaveValue('Identification: the defendant was not there.');
    await expect(page.getByRole('group', { name: 'Defence witness 1' }).getByLabel(/^Name/)).toHaveValue('Anna Kowalska');
    await expect(page.getByRole('group', { name: 'Defence witness 1' }).getByLabel(/^Language/)).toHaveValue('Polish');
    await expect(page.getByRole('group', { name: 'Defence witness 2' }).getByLabel(/^Name/)).toHaveValue('Gareth Jones');
    await expect(page.getByRole('region', { name: 'The defendant' }).getByLabel(/^Language/)).toHaveValue('Welsh');

    // Online: submit. It says "waiting to send" until CP has it, then "Sent" with CP's version.
    await goOffline(page, false);
    await openCase(page, petCase.urn);
    await page.getByRole('button', { name: formButton }).click();
    await page.getByRole('button', { name: 'Submit to Common Platform' }).click();
    await expect(page.getByText('Submit this form to Common Platform?')).toBeVisible();
    await expect(page.getByText(/^Still missing: \d+\. The court may ask for them\./)).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await expect(page.getByText(/^(Submitted — waiting to send|Sent\. Common Platform’s copy is version \d+\.)/).first()).toBeVisible();
    await expect(page.getByText(/^Sent\. Common Platform’s copy is version 2\.$/)).toBeVisible({ timeout: 60_000 });

    // CP's copy, as another client of the firm reads it, holds exactly what was typed.
    const rhys = await sandboxUser(sandboxUrl, 'rpritchard');
    const cp = (await (await rhys(`/forms/${formId}`)).json()) as CpForm;
    expect(cp.version).toBe(2);
    const part3 = cp.data['part3'] as Record<string, unknown>;
    expect(part3).toMatchObject({
      plea: 'notGuilty',
      realIssues: 'Identification: the defendant was not there.',
      defendantWillGiveEvidence: expect.any(String),
      defendantInterpreterNeeded: true,
      defendantInterpreterLanguage: 'Welsh',
    });
    const witnesses = part3['defenceWitnesses'] as Array<Record<string, unknown>>;
    expect(witnesses.map((w) => [w['name'], w['interpreterNeeded'], w['interpreterLanguage'] ?? null])).toEqual([
      ['Anna Kowalska', true, 'Polish'],
      ['Gareth Jones', false, null],
    ]);
    for (const w of witnesses) expect(w['itemId']).toMatch(/^[0-9a-f-]{36}$/);
    expect((part3['witnessesRequired'] as Array<Record<string, unknown>>)[0]).toMatchObject({ reason: 'Identification is disputed.' });
    // The history names who changed it.
    await page.getByText(/^Common Platform’s change history/).click();
    await expect(page.getByRole('table', { name: /^Changes to this form/ })).toContainText('You');
    await expectNoSeriousAxeViolations(page);
  });

  test('another user changed the same form: one change merges by itself, the clash is the user’s to choose', async ({ page }) => {
    test.setTimeout(240_000);
    if (!petCase || !app) throw new Error('the first test starts the app');
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 60_000 });

    // Offline, the user rewrites the real issues.
    await goOffline(page, true);
    await openCase(page, petCase.urn);
    await openPart3(page, formButton);
    await page.getByLabel(/^What are the real issues in the case\?/).fill('Self-defence.');
    await page.getByLabel(/^Facts the defence admits/).focus(); // leaving the field saves at once
    await expect(page.getByText(/^Saved on this laptop at/)).toBeVisible();

    // Meanwhile Rhys Pritchard (same firm) changes the real issues too, and adds admitted facts.
    await goOffline(page, false);
    const rhys = await sandboxUser(sandboxUrl, 'rpritchard');
    const before = (await (await rhys(`/forms/${formId}`)).json()) as CpForm;
    const theirPart3 = { ...before.data['part3'], realIssues: 'Whether the defendant acted in self-defence, and identification.', factsAdmitted: 'The defendant was at the station at 21:00.' };
    const put = await rhys(`/forms/${formId}`, { method: 'PUT', body: JSON.stringify({ baseVersion: before.version, data: { part3: theirPart3 } }) });
    expect(put.status).toBe(200);

    // Submitting finds CP moved on: the field changed on one side merges, the clash waits for a choice.
    await openCase(page, petCase.urn);
    await page.getByRole('button', { name: formButton }).click();
    await page.getByRole('button', { name: 'Submit to Common Platform' }).click();
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    const conflicts = page.getByRole('region', { name: 'Changed on Common Platform meanwhile — choose what to keep' });
    await expect(conflicts).toBeVisible({ timeout: 60_000 });
    const clash = conflicts.getByRole('group', { name: /What are the real issues in the case\?/ });
    await expect(clash).toContainText('Your answer');
    await expect(clash).toContainText('Self-defence.');
    await expect(clash).toContainText('On Common Platform now');
    await expect(clash).toContainText('Whether the defendant acted in self-defence, and identification.');
    await expect(conflicts.getByRole('group')).toHaveCount(1);
    await expectNoSeriousAxeViolations(page);
    await clash.getByLabel('Keep your answer').check();
    await conflicts.getByRole('button', { name: 'Use these answers' }).click();
    await expect(conflicts).toHaveCount(0);

    // Their admitted facts came in by themselves; the user's real issues stayed.
    await page.getByRole('navigation', { name: 'Parts of the form' }).getByRole('button', { name: /^Part 3: / }).click();
    await expect(page.getByLabel(/^Facts the defence admits/)).toHaveValue('The defendant was at the station at 21:00.');
    await expect(page.getByLabel(/^What are the real issues in the case\?/)).toHaveValue('Self-defence.');
    await page.getByRole('button', { name: 'Submit to Common Platform' }).click();
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await expect(page.getByText(/^Sent\. Common Platform’s copy is version \d+\.$/)).toBeVisible({ timeout: 60_000 });
    const after = (await (await rhys(`/forms/${formId}`)).json()) as CpForm;
    expect(after.data['part3']).toMatchObject({ realIssues: 'Self-defence.', factsAdmitted: 'The defendant was at the station at 21:00.' });
  });

  test('a part locked by another user says who holds it; the answers wait, and go once it is free', async ({ page }) => {
    test.setTimeout(180_000);
    if (!petCase || !app) throw new Error('the first test starts the app');
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('connectivity-status')).toContainText('Online', { timeout: 30_000 });
    const rhys = await sandboxUser(sandboxUrl, 'rpritchard');
    const lock = await rhys(`/forms/${formId}/sections/part3/lock`, { method: 'POST' });
    expect(lock.status).toBe(200);
    try {
      await openCase(page, petCase.urn);
      await openPart3(page, formButton);
      await page.getByLabel(/^Facts the defence admits/).fill('The defendant was at the station at 21:00, alone.');
      const lockLine = page.getByText(/^Rhys Pritchard is editing this part until \d\d:\d\d\. You can still write your answers; they will be sent when the part is free\.$/);
      await expect(lockLine).toBeVisible({ timeout: 30_000 });
      await expect(lockLine).toHaveCSS('border-left-color', 'rgb(138, 75, 0)'); // marked as a warning (--warn), as well as said
      await expect(page.getByText(/^Saved on this laptop at/)).toBeVisible();
      await expect(page.getByText(/^Draft — not submitted/).first()).toBeVisible();
      await expectNoSeriousAxeViolations(page);

      // Submitting while it is locked never writes over Rhys's section: it is not sent.
      await page.getByRole('button', { name: 'Submit to Common Platform' }).click();
      await page.getByRole('button', { name: 'Yes, submit' }).click();
      await expect(page.getByText(/^Submitted — waiting to send \(not on Common Platform yet\)$/).first()).toBeVisible({ timeout: 30_000 });
      await page.waitForTimeout(5_000);
      await expect(page.getByText(/^Sent\./)).toHaveCount(0);
      const cp = (await (await rhys(`/forms/${formId}`)).json()) as CpForm;
      expect(cp.data['part3']).toMatchObject({ factsAdmitted: 'The defendant was at the station at 21:00.' });

      // Rhys saves and lets go: the waiting answers go by themselves.
      expect((await rhys(`/forms/${formId}/sections/part3/lock`, { method: 'DELETE' })).status).toBe(204);
      await expect(page.getByText(/^Sent\. Common Platform’s copy is version \d+\./).first()).toBeVisible({ timeout: 90_000 });
      const after = (await (await rhys(`/forms/${formId}`)).json()) as CpForm;
      expect(after.data['part3']).toMatchObject({ factsAdmitted: 'The defendant was at the station at 21:00, alone.' });
    } finally {
      await rhys(`/forms/${formId}/sections/part3/lock`, { method: 'DELETE' });
    }
  });

  test('BCM: the defence contact email is changed in two steps and reaches CP; the form reads in Welsh', async ({ page }) => {
    test.setTimeout(180_000);
    if (!crownCase || crownCase.currentJurisdiction !== 'CROWN' || !app) throw new Error('needs the first test and the seeded Crown Court case 9');
    await page.goto(app.url);
    await expect(page.getByRole('heading', { level: 1, name: 'My cases' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('connectivity-status')).toContainText('Online', { timeout: 30_000 });
    await openCase(page, crownCase.urn);
    const bcmButton = page.getByTestId('case-forms').getByRole('button', { name: /^BCM form for / }).first();
    await expect(bcmButton).toBeVisible({ timeout: 60_000 });
    const bcm = (await rpc<FormListItem[]>(page, app, 'forms.list', { caseId: crownCase.id })).find((form) => form.formType === 'BCM');
    if (!bcm) throw new Error('no BCM listed');

    // CP holds an address already (set by a colleague), so the change reads "from … to …".
    const rhys = await sandboxUser(sandboxUrl, 'rpritchard');
    const before = (await (await rhys(`/forms/${bcm.formId}`)).json()) as CpForm;
    const seeded = await rhys(`/forms/${bcm.formId}`, { method: 'PUT', body: JSON.stringify({ baseVersion: before.version, data: { part1: { ...before.data['part1'], representativeEmail: 'old.address@carterlloyd.example' } } }) });
    expect(seeded.status).toBe(200);

    await page.getByRole('button', { name: `BCM form for ${bcm.defendantNames.join(', ')}` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(/^Completed by the prosecution/).first()).toBeVisible();

    // The same screen in Welsh, generated from the definition's Welsh text.
    await page.getByRole('button', { name: 'Newid i’r Gymraeg' }).click();
    await expect(page.getByRole('navigation', { name: 'Rhannau’r ffurflen' }).getByRole('button', { name: /^Rhan 3: / })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Cyflwyno', exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();

    await expect(async () => {
      await page.getByRole('button', { name: 'Change the defence contact email' }).click({ timeout: 2_000 });
      await expect(page.getByText('Common Platform has old.address@carterlloyd.example.')).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    const field = page.getByLabel('New defence contact email');
    await field.fill('not an email');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Enter an email address like name@example.com.')).toBeVisible();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await field.fill('sarah.okafor@carterlloyd.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Confirm: change the defence contact email from old.address@carterlloyd.example to sarah.okafor@carterlloyd.example' })).toBeFocused();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await expect(page.getByRole('heading', { level: 2, name: /^(Waiting to send: sarah\.okafor@carterlloyd\.example is not on Common Platform yet|Sent: Common Platform now has sarah\.okafor@carterlloyd\.example)$/ })).toBeVisible();
    // Focus stays on the step's heading as "waiting" turns into "sent".
    await expect(page.getByRole('heading', { level: 2, name: 'Sent: Common Platform now has sarah.okafor@carterlloyd.example' })).toBeFocused({ timeout: 60_000 });
    const after = (await (await rhys(`/forms/${bcm.formId}`)).json()) as CpForm;
    expect(after.data['part1']).toMatchObject({ representativeEmail: 'sarah.okafor@carterlloyd.example' });

    // Offline, a later change waits in the outbox, and the form itself says so until CP has it.
    await page.getByRole('button', { name: 'Back to the form' }).click();
    await expect(page.getByTestId('contact-email-change')).toHaveCount(0);
    const caseUrn = crownCase.urn;
    const openBcm = async () => {
      await openCase(page, caseUrn);
      await page.getByRole('button', { name: `BCM form for ${bcm.defendantNames.join(', ')}` }).click();
      await expect(page.getByRole('button', { name: 'Change the defence contact email' })).toBeVisible();
    };
    await goOffline(page, true);
    await openBcm();
    await page.getByRole('button', { name: 'Change the defence contact email' }).click();
    await page.getByLabel('New defence contact email').fill('duty.desk@carterlloyd.example');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Confirm and send' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Waiting to send: duty.desk@carterlloyd.example is not on Common Platform yet' })).toBeVisible();
    await page.getByRole('button', { name: 'Back to the form' }).click();
    await expect(page.getByTestId('contact-email-change')).toHaveAttribute('data-state', 'waiting');
    await expect(page.getByTestId('contact-email-change')).toContainText('Waiting to send: duty.desk@carterlloyd.example is not on Common Platform yet');
    await expectNoSeriousAxeViolations(page);
    await goOffline(page, false);
    await openBcm();
    await expect(page.getByTestId('contact-email-change')).toHaveCount(0, { timeout: 60_000 });
    const last = (await (await rhys(`/forms/${bcm.formId}`)).json()) as CpForm;
    expect(last.data['part1']).toMatchObject({ representativeEmail: 'duty.desk@carterlloyd.example' });
  });
});
