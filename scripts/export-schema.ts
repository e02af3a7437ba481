// Write scenarios/scenario.schema.json from the zod schema (run: npm run schema).
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../sim/scenario/jsonSchema.js';

const target = new URL('../scenarios/scenario.schema.json', import.meta.url);
writeFileSync(target, JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
console.log(`wrote ${target.pathname}`);
