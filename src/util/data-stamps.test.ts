import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { safeParseData, schemaHash } from './data-stamps.js';

describe('validation stamps', () => {
  const make = () => z.object({ words: z.record(z.string(), z.number().int()), about: z.string() });

  it('identify a schema by its definition, its checks and transforms included', () => {
    expect(schemaHash(make())).toBe(schemaHash(make()));
    expect(schemaHash(make())).not.toBe(schemaHash(z.object({ words: z.record(z.string(), z.number()) })));
    const refined = make().refine((d) => d.about.length > 0);
    expect(schemaHash(refined)).not.toBe(schemaHash(make().refine((d) => d.about.length > 1)));
    type Node = { next?: Node };
    const node: z.ZodType<Node> = z.lazy(() => z.object({ next: node.optional() }));
    expect(schemaHash(node)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('validate in full outside the bundle (tests, tsx, the plain build)', () => {
    const bytes = Buffer.from('{}');
    expect(safeParseData('x.json', bytes, { words: { a: 1.5 }, about: 'x' }, make()).success).toBe(false);
    expect(safeParseData('x.json', bytes, { words: { a: 1 }, about: 'x' }, make()).success).toBe(true);
  });
});
