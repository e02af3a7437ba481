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

// Math's transcendental functions differ in the last binary digit between V8 versions (Node and Chromium):
// the simulation uses its own (sim/math/elementary.ts), so a run gives the same bits in both.
describe('sim/ elementary functions', () => {
  it.each(files('sim').filter((f) => !f.endsWith(join('math', 'elementary.ts'))))('%s calls no engine-dependent Math function and no ** operator', (file) => {
    const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/Math\.(exp|expm1|log|log1p|log2|log10|pow|cos|sin|tan|acos|asin|atan|atan2|cosh|sinh|tanh|acosh|asinh|atanh|cbrt|hypot)\b/);
    expect(code).not.toMatch(/[\w)\]]\s*\*\*\s*[\w(]/);
  });
});
