#!/usr/bin/env node
// `npm start`: the reference server with the demo tenant on 127.0.0.1 (data in a per-user folder), then
// the Electron app pointed at it. Where Electron cannot start (no binary, no display) it says so in one
// line, keeps the server running, and prints a CLI login command to paste instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(import.meta.dirname, '..');

function perUserDataDir() {
  if (process.env.GATEHOUSE_DATA_DIR) return process.env.GATEHOUSE_DATA_DIR;
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Gatehouse', 'server');
  if (process.platform === 'win32')
    return join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Gatehouse', 'server');
  return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'gatehouse', 'server');
}

/** Starts `server/cli.ts` and resolves with its URL once it prints the ready line. */
function startServer(port, dataDir) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'server/cli.ts',
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      '--data',
      dataDir,
      '--seed',
      'demo',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve) => {
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const ready = /^Gatehouse server listening on (\S+)/.exec(line);
      if (ready) resolve({ child, url: ready[1] });
    });
    child.once('exit', (code) => resolve({ child: null, error: stderr.trim() || `exit code ${code}` }));
  });
}

/** Why Electron cannot start here, or null when it can (after fetching its binary on first use). */
function electronBlocker() {
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY)
    return 'there is no display (DISPLAY is not set)';
  const binary = electronBinary();
  if (binary) return null;
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)
    return 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set)';
  console.log('Fetching the Electron binary (first run)…');
  const fetched = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    stdio: 'inherit',
    timeout: 180_000,
  });
  return fetched.status === 0 && electronBinary() ? null : 'the Electron binary could not be downloaded';
}

/**
 * The Electron binary's path, or null. Read from the package's path.txt rather than `require('electron')`,
 * because requiring it starts a download when the binary is missing.
 */
function electronBinary() {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = relative ? join(distDir, relative) : null;
  return binary && existsSync(binary) ? binary : null;
}

const dataDir = perUserDataDir();
let server = await startServer(process.env.GATEHOUSE_PORT ?? 4000, dataDir);
if (!server.child && /EADDRINUSE|address already in use/i.test(server.error) && !process.env.GATEHOUSE_PORT) {
  console.log('Port 4000 is busy; using a free port instead.');
  server = await startServer(0, dataDir);
}
if (!server.child) {
  console.error(`gatehouse: the reference server did not start: ${server.error}`);
  process.exit(1);
}
const { child, url } = server;
const stop = () => child.kill('SIGTERM');
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
child.once('exit', (code) => process.exit(code ?? 0));

console.log(`
Gatehouse reference server: ${url}   (demo tenant; data in ${dataDir})

Demo credentials (client gatehouse-desktop):
  realm employees    alice@example.com     Alice-Demo-Passw0rd!
  realm contractors  bob@example.com       Bob-Demo-Passw0rd!
  realm employees    admin@example.com     Admin-Demo-Passw0rd!
  realm employees    support@example.com   Support-Demo-Passw0rd!
  realm employees    mfa@example.com       Mfa-Demo-Passw0rd!   (TOTP secret JBSWY3DPEHPK3PXP)
`);

const blocker = electronBlocker();
if (blocker) {
  console.log(
    `Electron cannot start here: ${blocker}. The server keeps running (Ctrl-C stops it). Sign in from the CLI instead:`,
  );
  // Through scripts/with-node24: the CLI loads keytar, which only Node 24 can load (see bin/gatehouse.mjs).
  // That script is bash, so Windows gets the plain command (it needs Node 24 on PATH).
  const gatehouse = process.platform === 'win32' ? 'npx gatehouse' : 'scripts/with-node24 npx gatehouse';
  console.log(
    `  printf '%s' 'Alice-Demo-Passw0rd!' | ${gatehouse} login --server ${url} --client-id gatehouse-desktop --realm employees --username alice@example.com --password-stdin && ${gatehouse} whoami`,
  );
} else {
  const built = spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
    { cwd: root, stdio: 'inherit' },
  );
  if (built.status !== 0) {
    console.error('gatehouse: building the app failed; the server keeps running.');
  } else {
    // Electron refuses to run as root without --no-sandbox; say so rather than fail mysteriously.
    const asRoot = process.getuid?.() === 0;
    if (asRoot)
      console.log(
        'Running as root: Electron needs --no-sandbox for that. Run as a normal user to keep the OS sandbox.',
      );
    const app = spawn(electronBinary(), [...(asRoot ? ['--no-sandbox'] : []), '.'], {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        GATEHOUSE_ISSUER: url,
        GATEHOUSE_CLIENT_ID: 'gatehouse-desktop',
        GATEHOUSE_REALMS: 'employees,contractors',
      },
    });
    app.once('exit', stop);
  }
}
