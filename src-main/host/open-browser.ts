import { spawn } from 'node:child_process';

/**
 * Opens the address in the user's browser when there is one to open. Never on CI or a headless
 * Linux box (there the printed address is the way in), and a failure to open is only a missed nicety.
 */
export function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.CI || env.BLUEBAG_NO_OPEN) return false;
  const [command, args] = browserCommand(url, env);
  if (!command) return false;
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.on('error', () => undefined);
    child.unref();
    return true;
  } catch {
    return false;
  }
}

function browserCommand(url: string, env: NodeJS.ProcessEnv): [string | null, string[]] {
  switch (process.platform) {
    case 'darwin':
      return ['open', [url]];
    case 'win32':
      // `start` treats the first quoted argument as a window title, hence the empty one.
      return ['cmd', ['/c', 'start', '""', url.replaceAll('&', '^&')]];
    default:
      return env.DISPLAY || env.WAYLAND_DISPLAY ? ['xdg-open', [url]] : [null, []];
  }
}
