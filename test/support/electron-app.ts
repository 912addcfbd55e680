import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core';

const root = join(import.meta.dirname, '../..');

/** How to start the real app: the packaged one from `npm run dist` where there is one, else out/main. */
export type AppUnderTest =
  | { readonly kind: 'packaged'; readonly executable: string }
  | { readonly kind: 'development'; readonly executable: string };

/** The packaged app under release/<version>/ for this OS (`npm run dist`), or null. */
function packagedExecutable(): string | null {
  const release = join(root, 'release');
  if (!existsSync(release)) return null;
  for (const version of readdirSync(release)) {
    const candidates =
      process.platform === 'darwin'
        ? ['mac', 'mac-arm64', 'mac-universal'].map((dir) =>
            join(release, version, dir, 'Gatehouse.app/Contents/MacOS/Gatehouse'),
          )
        : process.platform === 'win32'
          ? [join(release, version, 'win-unpacked', 'Gatehouse.exe')]
          : [join(release, version, 'linux-unpacked', 'gatehouse-app')];
    const found = candidates.find((path) => existsSync(path));
    if (found) return found;
  }
  return null;
}

/** node_modules/electron's binary, read from its path.txt (requiring the package would start a download). */
function developmentExecutable(): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : null;
}

export function appUnderTest(): AppUnderTest | null {
  const packaged = packagedExecutable();
  if (packaged) return { kind: 'packaged', executable: packaged };
  const development = existsSync(join(root, 'out/main/index.js')) ? developmentExecutable() : null;
  return development ? { kind: 'development', executable: development } : null;
}

/** A running app: its first window, and a graceful quit that waits for the process to end. */
export interface RunningApp {
  readonly window: Page;
  quit(): Promise<void>;
}

const sandboxArgs = () => (process.getuid?.() === 0 ? ['--no-sandbox'] : []);

/**
 * Starts the app. The development build goes through Playwright's `_electron.launch`. The packaged one
 * cannot: that needs `--inspect`, which the EnableNodeCliInspectArguments fuse turns off. So it is started
 * with Chromium's remote debugging port and driven over CDP, which reaches the window but not main.
 */
export async function startApp(app: AppUnderTest, env: NodeJS.ProcessEnv): Promise<RunningApp> {
  if (app.kind === 'development') {
    const electron: ElectronApplication = await _electron.launch({
      executablePath: app.executable,
      args: [...sandboxArgs(), root],
      env: definedOnly(env),
    });
    const window = await electron.firstWindow();
    return { window, quit: () => electron.close() };
  }
  const child = spawn(app.executable, [...sandboxArgs(), '--remote-debugging-port=0'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const stderr = child.stderr;
  if (stderr === null) throw new Error('no stderr pipe');
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the packaged app printed no DevTools endpoint')), 30_000);
    createInterface({ input: stderr }).on('line', (line) => {
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the packaged app exited (${code}) before its window opened`)));
  });
  const browser: Browser = await chromium.connectOverCDP(endpoint);
  const window = await firstPage(browser);
  return { window, quit: () => quitProcess(child, window) };
}

async function firstPage(browser: Browser): Promise<Page> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const page = browser.contexts().flatMap((context) => context.pages())[0];
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the packaged app opened no window');
}

/** SIGTERM makes Electron quit the normal way (before-quit runs); Windows has no signals, so close the window. */
async function quitProcess(child: ChildProcess, window: Page): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (process.platform === 'win32') await window.evaluate(() => window.close()).catch(() => undefined);
  else child.kill('SIGTERM');
  await exited;
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
