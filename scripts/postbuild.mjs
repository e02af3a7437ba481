// Make the CLI entry executable so `npx pendamping` and the bin link work on a fresh clone.
import { chmodSync, existsSync } from 'node:fs';
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(entry)) chmodSync(entry, 0o755);
