import os from 'node:os';
import path from 'node:path';

/**
 * Where browser mode keeps its data when no --data-dir is given: the platform's per-user data folder,
 * in a folder of its own so it never shares files with the desktop app (the two wrap their keys
 * differently).
 */
export function defaultBrowserModeDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Bluebag', 'browser-mode');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Bluebag', 'browser-mode');
    default:
      return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'bluebag', 'browser-mode');
  }
}
