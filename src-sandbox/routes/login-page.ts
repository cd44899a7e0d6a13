/**
 * The sign-in page behind /oauth2/authorize: plain, accessible HTML (labelled
 * inputs, an error summary announced to screen readers), no scripts and no
 * external assets, so it works in the system browser with a strict CSP.
 */

export interface LoginPageModel {
  readonly params: Readonly<Record<string, string>>;
  readonly username: string;
  readonly error: string | null;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function loginPage(m: LoginPageModel): string {
  const hidden = Object.entries(m.params)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('\n      ');
  const error = m.error
    ? `<div class="error" role="alert" id="error-summary"><h2>There is a problem</h2><p>${esc(m.error)}</p></div>`
    : '';
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${m.error ? 'Error: ' : ''}Sign in - Common Platform (sandbox)</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; margin: 0; color: #0b0c0c; background: #f3f2f1; }
  header { background: #0b0c0c; color: #fff; padding: 12px 24px; }
  main { max-width: 28rem; margin: 32px auto; background: #fff; padding: 24px 32px 32px; }
  label { display: block; font-weight: 700; margin: 20px 0 6px; }
  input[type=text], input[type=password] { width: 100%; box-sizing: border-box; font-size: 1.1rem; padding: 8px; border: 2px solid #0b0c0c; }
  input:focus, button:focus { outline: 3px solid #fd0; outline-offset: 0; }
  .actions { margin-top: 24px; display: flex; gap: 12px; }
  button { font-size: 1.1rem; padding: 8px 16px; border: 0; cursor: pointer; }
  .primary { background: #00703c; color: #fff; }
  .secondary { background: #f3f2f1; color: #0b0c0c; border: 2px solid #b1b4b6; }
  .error { border: 4px solid #d4351c; padding: 12px 16px; margin-bottom: 16px; }
  .error h2 { margin: 0 0 8px; font-size: 1.2rem; }
  .note { color: #505a5f; font-size: 0.9rem; }
</style>
</head>
<body>
<header><strong>Common Platform</strong> &mdash; sandbox sign-in (test data only)</header>
<main>
  <h1>Sign in</h1>
  ${error}
  <form method="post" action="/oauth2/authorize">
      ${hidden}
    <label for="username">Username or email address</label>
    <input type="text" id="username" name="username" autocomplete="username" value="${esc(m.username)}" required${m.error ? ' aria-describedby="error-summary"' : ''}>
    <label for="password">Password</label>
    <input type="password" id="password" name="password" autocomplete="current-password" required>
    <div class="actions">
      <button type="submit" class="primary" name="action" value="signin">Sign in</button>
      <button type="submit" class="secondary" name="action" value="cancel" formnovalidate>Cancel</button>
    </div>
  </form>
  <p class="note">This is the Bluebag Common Platform sandbox. It is not an HMCTS service.</p>
</main>
</body>
</html>`;
}

export function errorPage(title: string, message: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1><p role="alert">${esc(message)}</p></main></body></html>`;
}
