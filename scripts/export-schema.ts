// Write scenarios/scenario.schema.json, experiment.schema.json and region.schema.json from the zod schemas
// (run: npm run schema).
import { writeFileSync } from 'node:fs';
import { regionJsonSchema, scenarioJsonSchema } from '../sim/scenario/jsonSchema.js';
import { experimentJsonSchema } from '../sim/experiment/schema.js';

for (const [file, schema] of [
  ['../scenarios/scenario.schema.json', scenarioJsonSchema()],
  ['../scenarios/experiment.schema.json', experimentJsonSchema()],
  ['../scenarios/region.schema.json', regionJsonSchema()],
] as const) {
  const target = new URL(file, import.meta.url);
  writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${target.pathname}`);
}
