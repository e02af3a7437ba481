// Once before every test file: build the CLI into dist/ and the web app into dist/ui (`npm run build`).
// Worker threads cannot load TypeScript under Node 20, so the batch pool always runs dist/cli/batch/worker.js,
// the process tests spawn dist/bin/pendamping.js and the browser tests serve dist/ui; building once here keeps
// two test files from rewriting dist/ at once.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  // Vitest sets NODE_ENV=test, and a web build made under it keeps Lit in development mode: the browser
  // tests then tested another app than the one shipped. Build as `npm run build` does from a shell.
  execFileSync('npm', ['run', 'build'], { stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
}
