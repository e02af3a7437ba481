// A real browser for the end-to-end tests: Debian's Chromium driven by playwright-core (browser downloads
// fail on these machines), and a static server for the built app (dist/ui), as a user would host it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The Chromium to drive: $CHROMIUM_PATH, /usr/bin/chromium, or `chromium` on the PATH. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  for (const c of candidates) if (existsSync(c)) return c;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export const INSTALL_HINT = 'install Chromium (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y chromium`) or set CHROMIUM_PATH';

/**
 * Whether the browser suite can run. Under CI (CI=true) a missing browser is an error, never a skip;
 * elsewhere the suite is skipped with the install hint printed.
 */
export function browserAvailability(): { path?: string; skipReason?: string } {
  const path = findChromium();
  if (path) return { path };
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(`no Chromium for the browser tests: ${INSTALL_HINT}`);
  const skipReason = `browser tests skipped: no Chromium found — ${INSTALL_HINT}`;
  console.warn(skipReason);
  return { skipReason };
}

export async function launch(path: string): Promise<Browser> {
  return chromium.launch({ executablePath: path, args: CHROMIUM_FLAGS, headless: true });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.map': 'application/json',
  '.woff2': 'font/woff2', '.txt': 'text/plain',
};

/** Serve a folder on 127.0.0.1 (a free port); resolves with the server and its base URL. */
export function serveStatic(root: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}
