// Write scenarios/scenario.schema.json and scenarios/experiment.schema.json from the zod schemas
// (run: npm run schema).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../sim/scenario/jsonSchema.js';
import { experimentJsonSchema } from '../sim/experiment/schema.js';

for (const [file, schema] of [
  ['../scenarios/scenario.schema.json', scenarioJsonSchema()],
  ['../scenarios/experiment.schema.json', experimentJsonSchema()],
] as const) {
  const target = new URL(file, import.meta.url);
  writeFileSync(target, JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote ${target.pathname}`);
}
