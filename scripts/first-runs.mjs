// Writes dist/ui/first-runs.json: the runs of the web app's first comparison (its default state),
// computed here with the same sim/ code the page's workers run (ui/runner/firstRuns.ts says why). Run by
// `npm run build` after `vite build`. The app's modules are loaded through Vite (they use import.meta.glob).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const out = new URL('../dist/ui/first-runs.json', import.meta.url);
const server = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'error', optimizeDeps: { noDiscovery: true, include: [] } });
try {
  const { computeFirstRuns } = await server.ssrLoadModule('/runner/firstRunsBuild.ts');
  const started = performance.now();
  const file = computeFirstRuns();
  writeFileSync(out, JSON.stringify(file));
  const runs = file.designs.reduce((n, d) => n + d.runs.length, 0);
  console.log(`first-runs.json: ${runs} runs of ${file.designs.length} designs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await server.close();
}
