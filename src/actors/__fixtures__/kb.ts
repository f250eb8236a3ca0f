import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CountrySchema, OrganizationSchema, PersonSchema, RoleWordSchema } from '../kb/schema.js';
import { KnowledgeBase } from '../kb/index.js';

/** A small knowledge base for tests, in the schemas of data/actors/ (so it fails when they change). */
const FixtureSchema = z.object({
  countries: z.array(CountrySchema),
  organizations: z.array(OrganizationSchema),
  people: z.array(PersonSchema),
  roleWords: z.array(RoleWordSchema),
});

export const fixtureSources = FixtureSchema.parse(
  JSON.parse(readFileSync(new URL('./kb.json', import.meta.url), 'utf8')),
);

export function fixtureKb(): KnowledgeBase {
  return new KnowledgeBase(fixtureSources);
}
