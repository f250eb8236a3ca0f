import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { z } from 'zod';

/**
 * The inputs of each line of a gold JSONL file, parsed with a schema that names only input fields
 * (zod drops the rest, so labels cannot leak into a prediction). Stops after `limit` records.
 */
export async function* readGoldInputs<S extends z.ZodType>(
  goldFile: string,
  schema: S,
  what: string,
  limit?: number,
): AsyncGenerator<z.infer<S>> {
  const lines = createInterface({ input: createReadStream(goldFile, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.trim()) continue;
    if (limit !== undefined && n >= limit) break;
    let parsed: z.infer<S>;
    try {
      parsed = schema.parse(JSON.parse(line));
    } catch (err) {
      throw new Error(`${goldFile}:${lineNo}: not ${what} (${(err as Error).message})`);
    }
    yield parsed;
    n++;
  }
}
