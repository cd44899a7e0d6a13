import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_METHOD_PREFIX, methodNames } from '../../../src-preload/api';
import { makeCore } from '../../helpers/core';
import { makeTempDir } from '../../helpers/temp-dir';
import type { createFakeElectron } from './fake-electron';

const fake = vi.hoisted(() => ({ current: null as unknown as ReturnType<typeof createFakeElectron> }));
vi.mock('electron', async () => {
  const { createFakeElectron: create } = await import('./fake-electron');
  fake.current = create();
  return { ...fake.current.electron, default: fake.current.electron };
});
vi.mock('electron-store', () => ({
  default: class {
    store: Record<string, unknown> = {};
  },
}));

const shell = await import('../../../src-main/electron');
const temp = makeTempDir();
afterAll(() => temp.cleanup());

const trustedFrame = { url: 'bluebag://app/index.html', parent: null };

describe('Electron shell', () => {
  beforeEach(() => {
    fake.current.handlers.clear();
    vi.clearAllMocks();
  });

  it('opens one window with isolation, sandbox, no Node and web security, on the app scheme', () => {
    const window = shell.createMainWindow('/app/preload.cjs') as unknown as { options: { webPreferences: Record<string, unknown> }; loadURL: ReturnType<typeof vi.fn> };
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window.loadURL).toHaveBeenCalledWith('bluebag://app/index.html');
  });

  it('registers the app scheme as privileged and serves the renderer with the strict CSP', async () => {
    shell.registerAppScheme();
    expect(fake.current.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'bluebag', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    const rendererDir = path.join(temp.dir, 'renderer');
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bluebag</title>');
    const asked: Array<{ id: string; range: string | null; method: string }> = [];
    shell.serveRenderer(rendererDir, {
      stageDocument: () => Promise.resolve({ status: 503, error: { code: 'unavailable', messageKey: 'errors.internal' } }),
      openDocument: (id, range, method) => {
        asked.push({ id, range, method });
        return Promise.resolve({
          status: 206,
          headers: { 'content-type': 'application/pdf', 'content-range': 'bytes 0-3/10' },
          body: (async function* () {
            yield new TextEncoder().encode('%PDF');
          })(),
        });
      },
    });
    const handler = fake.current.electron.protocol.handle.mock.calls[0]?.[1] as unknown as (request: Request) => Promise<Response>;
    // Documents are served on the renderer's own origin, Range passed through to the core.
    const doc = await handler(new Request('bluebag://app/doc/abc-123', { headers: { range: 'bytes=0-3' } }));
    expect(doc.status).toBe(206);
    expect(doc.headers.get('content-range')).toBe('bytes 0-3/10');
    expect(await doc.text()).toBe('%PDF');
    expect(asked).toEqual([{ id: 'abc-123', range: 'bytes=0-3', method: 'GET' }]);
    expect((await handler(new Request('bluebag://app/doc/x', { method: 'POST' }))).status).toBe(404);
    const page = await handler(new Request('bluebag://app/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Bluebag</title>');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect((await handler(new Request('bluebag://app/../../etc/passwd'))).status).toBe(404);
    expect((await handler(new Request('bluebag://other/index.html'))).status).toBe(404);
  });

  it('registers an allow-listed handler for every contract method and nothing else', () => {
    const core = makeCore(path.join(temp.dir, 'core-1'));
    shell.registerIpcHandlers(fake.current.electron.ipcMain as never, core);
    expect([...fake.current.handlers.keys()].sort()).toEqual(methodNames.map((name) => `${IPC_METHOD_PREFIX}${name}`).sort());
    void core.dispose();
  });

  it('answers a call from the app frame, and refuses foreign origins, subframes and vanished frames', async () => {
    const core = makeCore(path.join(temp.dir, 'core-2'));
    shell.registerIpcHandlers(fake.current.electron.ipcMain as never, core);
    const getInfo = fake.current.handlers.get(`${IPC_METHOD_PREFIX}app.getInfo`);
    if (!getInfo) throw new Error('no handler');

    await expect(getInfo({ senderFrame: trustedFrame }, {})).resolves.toMatchObject({ ok: true, value: { productName: 'Bluebag' } });
    const forbidden = { ok: false, error: { code: 'forbidden', messageKey: 'errors.forbidden' } };
    await expect(getInfo({ senderFrame: { url: 'https://evil.example/', parent: null } }, {})).resolves.toEqual(forbidden);
    await expect(getInfo({ senderFrame: { url: 'file:///etc/index.html', parent: null } }, {})).resolves.toEqual(forbidden);
    await expect(getInfo({ senderFrame: { url: 'bluebag://app/index.html', parent: trustedFrame } }, {})).resolves.toEqual(forbidden);
    await expect(getInfo({ senderFrame: null }, {})).resolves.toEqual(forbidden);
    await core.dispose();
  });

  it('refuses an invalid argument with a typed validation error', async () => {
    const core = makeCore(path.join(temp.dir, 'core-3'));
    shell.registerIpcHandlers(fake.current.electron.ipcMain as never, core);
    const update = fake.current.handlers.get(`${IPC_METHOD_PREFIX}settings.update`);
    if (!update) throw new Error('no handler');
    await expect(update({ senderFrame: trustedFrame }, { language: 'de' })).resolves.toEqual({
      ok: false,
      error: { code: 'invalid_argument', messageKey: 'errors.invalidArgument', issues: [{ path: 'language', messageKey: 'errors.invalidValue' }] },
    });
    await expect(update({ senderFrame: trustedFrame }, { language: 'cy' })).resolves.toMatchObject({ ok: true, value: { language: 'cy' } });
    await core.dispose();
  });

  it('forwards core events to the window on the one event channel', async () => {
    const core = makeCore(path.join(temp.dir, 'core-4'));
    const contents = new fake.current.FakeWebContents();
    shell.forwardEvents(core, contents as never);
    await core.dispatch('settings.update', { language: 'cy' });
    expect(contents.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'settings.changed', expect.objectContaining({ language: 'cy' }));
    await core.dispose();
  });

  it('denies new windows and navigation away from the app; https links go to the system browser', () => {
    const { app, session, shell: electronShell } = fake.current.electron;
    shell.hardenWebContents(app as never, session.defaultSession as never, electronShell as never);
    const contents = new fake.current.FakeWebContents();
    app.emit('web-contents-created', {}, contents);

    expect(contents.windowOpenHandler?.({ url: 'https://www.gov.uk/' })).toEqual({ action: 'deny' });
    expect(electronShell.openExternal).toHaveBeenCalledWith('https://www.gov.uk/');
    expect(contents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'http://insecure.example/' })).toEqual({ action: 'deny' });
    expect(electronShell.openExternal).toHaveBeenCalledTimes(1);
    // The built-in sandbox's sign-in page is plain http on this computer: it opens in the system browser too.
    const signIn = 'http://127.0.0.1:4010/oauth2/authorize?client_id=bluebag-desktop&code_challenge=abc';
    expect(contents.windowOpenHandler?.({ url: signIn })).toEqual({ action: 'deny' });
    expect(electronShell.openExternal).toHaveBeenLastCalledWith(signIn);
    expect(electronShell.openExternal).toHaveBeenCalledTimes(2);

    const navigateAway = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigateAway, 'https://evil.example/');
    expect(navigateAway.preventDefault).toHaveBeenCalled();
    const navigateInside = { preventDefault: vi.fn() };
    contents.emit('will-navigate', navigateInside, 'bluebag://app/index.html');
    expect(navigateInside.preventDefault).not.toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();

    const permission = vi.fn();
    const requestHandler = session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as unknown as (
      c: unknown,
      p: string,
      cb: (granted: boolean) => void,
    ) => void;
    requestHandler({}, 'media', permission);
    expect(permission).toHaveBeenCalledWith(false);
  });
});

describe('Electron main entry', () => {
  it('takes the single-instance lock and quits when another Bluebag holds it', async () => {
    fake.current.electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    vi.resetModules();
    await import('../../../src-main/main');
    expect(fake.current.electron.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.current.electron.app.quit).toHaveBeenCalled();
    expect(fake.current.electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });
});
