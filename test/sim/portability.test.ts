// sim/ must run unchanged in a browser Web Worker and a Node worker thread: no Node-only or DOM API.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('sim/ portability', () => {
  it.each(files('sim'))('%s uses no Node-only or DOM API', (file) => {
    const src = readFileSync(file, 'utf8');
    expect(src).not.toMatch(/from ['"]node:|require\(|\bprocess\.|\bBuffer\b|\bwindow\.|\bdocument\.|__dirname/);
  });
});
