// Small temporary scenario files for CLI tests: few businesses and months keep each run fast.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const tempDir = () => mkdtempSync(join(tmpdir(), 'pendamping-cli-'));

export function writeScenario(dir: string, file: string, scenario: unknown): string {
  const path = join(dir, file);
  writeFileSync(path, typeof scenario === 'string' ? scenario : JSON.stringify(scenario, null, 2));
  return path;
}

/** A small design: 120 businesses, 6 months, training plus mentoring on a small budget. */
export const smallDesign = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  months: 6,
  economy: { businesses: 120 },
  program: { budgetRupiah: 60_000_000, maxParticipants: 30, training: { enabled: true }, mentoring: { enabled: true }, ...extra },
});
