// The package version, read from the package's own package.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './packageRoot.js';

let cached: string | undefined;

export function pendampingVersion(): string {
  if (cached !== undefined) return cached;
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
    return (cached = typeof pkg.version === 'string' ? pkg.version : 'unknown');
  } catch {
    return (cached = 'unknown');
  }
}
