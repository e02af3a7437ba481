// Once before every test file: build the CLI into dist/ (`npm run build`, ~10 s). Worker threads cannot
// load TypeScript under Node 20, so the batch pool always runs dist/cli/batch/worker.js, and the process
// tests spawn dist/cli/main.js; building once here keeps two test files from rewriting dist/ at once.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npm', ['run', 'build'], { stdio: 'pipe' });
}
