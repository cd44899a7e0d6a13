// `npm start`: the desktop app when the Electron runtime is installed; otherwise browser mode, said in
// one line. Runs after scripts/build.mjs (see package.json).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The electron package exports the runtime's path, and throws when the runtime was never downloaded.
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

function run(command, args) {
  const child = spawn(command, args, { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

const binary = electronBinary();
const headlessLinux = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const extra = process.argv.slice(2);

if (binary && !headlessLinux) {
  run(binary, ['.', ...extra]);
} else {
  console.log(
    binary
      ? 'No display found for the desktop app; starting Bluebag in browser mode instead.'
      : 'The Electron runtime is not installed; starting Bluebag in browser mode instead.',
  );
  run(process.execPath, ['dist/main/host.js', ...extra]);
}
