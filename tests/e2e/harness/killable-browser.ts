/**
 * Debian's Chromium started as a plain child process (its own process group) and driven over CDP,
 * so a test can kill it the hard way — SIGKILL to the browser and all its children, as a power cut
 * of the app would — and start it again on the same profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from './browser';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--window-size=1600,1000'];

export interface KillableBrowser {
  browser: Browser;
  page: Page;
  pid: number;
  /** console errors and page errors seen so far */
  errors: string[];
  /** SIGKILL to the whole process group; resolves once the browser process is gone */
  kill: () => Promise<void>;
  /** a normal shutdown (CDP Browser.close: the browser flushes its storage), SIGKILL after 10 s */
  shutdown: () => Promise<void>;
  /** clean-up: shuts down if still running */
  close: () => Promise<void>;
}

function devtoolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not announce DevTools: ${seen.slice(-500)}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before DevTools: ${seen.slice(-500)}`));
    });
  });
}

export async function launchKillable(profile: string): Promise<KillableBrowser> {
  const child = spawn(CHROMIUM, [...ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'], { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const browser = await chromium.connectOverCDP(await devtoolsUrl(child));
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1600, height: 1000 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const pid = child.pid!;
  const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;
  async function shutdown(): Promise<void> {
    if (gone()) return;
    try {
      const cdp = await browser.newBrowserCDPSession();
      await cdp.send('Browser.close');
    } catch {
      // the connection may drop as the browser goes
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 10_000);
    await exited;
    clearTimeout(timer);
  }
  return {
    browser,
    page,
    pid,
    errors,
    kill: async () => {
      process.kill(-pid, 'SIGKILL');
      await exited;
    },
    shutdown: () => shutdown(),
    close: () => shutdown(),
  };
}
