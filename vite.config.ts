// Vite serves and builds the web app in ui/ (issue: web app); Vitest runs the tests in test/.
// The app's root is ui/ so `npm start` serves ui/index.html; the build is relative (`base: './'`) so
// dist/ui works offline from any static file server. Vitest keeps the repository as its root.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const repo = fileURLToPath(new URL('.', import.meta.url));
/** package.json's version, written into the app as __APP_VERSION__ (exported charts name it). */
const version = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

export default defineConfig({
  plugins: [
    {
      // The built page fetches the first comparison's runs (ui/runner/firstRuns.ts, written after the build
      // by scripts/first-runs.mjs) while its modules load; the dev server has no such file.
      name: 'preload-first-runs',
      apply: 'build',
      transformIndexHtml: () => [{ tag: 'link', attrs: { rel: 'preload', href: './first-runs.json', as: 'fetch', crossorigin: 'anonymous' }, injectTo: 'head' }],
    },
  ],
  root: 'ui',
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: { outDir: '../dist/ui', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  server: { fs: { allow: [repo] } },
  test: {
    root: repo,
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/globalSetup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
