// The browser benchmarks' set-up: the built web app (dist/ui, from `npm run build`) served locally and
// opened in Debian's Chromium, and everything closed again afterwards.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { browserAvailability, launch, serveStatic } from '../test/e2e/browser.js';
import { root } from './shared.js';

/** Run `body` with a page of the served app (at `url`), then close the browser and the server. */
export async function withAppPage(viewport: { width: number; height: number }, body: (page: Page, url: string) => Promise<void>): Promise<void> {
  const { path } = browserAvailability();
  if (!path) throw new Error('no Chromium: install it (apt-get install -y chromium) or set CHROMIUM_PATH');
  const { server, url } = await serveStatic(join(root.pathname, 'dist', 'ui'));
  const browser = await launch(path);
  try {
    await body(await browser.newPage({ viewport }), url);
  } finally {
    await browser.close();
    server.close();
  }
}
