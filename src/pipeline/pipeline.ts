import type { Doc, Layer, Stage, StageOutput } from '../model/index.js';

const BASE_LAYERS: ReadonlySet<Layer> = new Set();

/** Checks that every stage's requirements are provided by an earlier stage, as spaCy's add_pipe does. */
export function checkOrder(stages: readonly Stage[]): void {
  const have = new Set<Layer>(BASE_LAYERS);
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!have.has(need))
        throw new Error(`stage "${stage.name}" requires "${need}", which no earlier stage provides`);
    }
    for (const p of stage.provides) have.add(p);
  }
}

export function emptyDoc(text: string, meta: Doc['meta'], id?: string): Doc {
  return {
    id,
    text,
    meta,
    tokens: [],
    sentences: [],
    mentions: [],
    actors: [],
    attributions: [],
    claims: [],
    events: [],
    times: [],
    messages: [],
  };
}

export interface StageTiming {
  stage: string;
  ms: number;
}

/** Runs stages in order; each returns layers, merged into a new Doc (messages accumulate). */
export function runStages(stages: readonly Stage[], doc: Doc, timings?: Map<string, number>): Doc {
  let current = doc;
  for (const stage of stages) {
    const t0 = timings ? performance.now() : 0;
    const out: StageOutput = stage.run(current);
    const messages = out.messages ? [...current.messages, ...out.messages] : current.messages;
    current = { ...current, ...out, messages };
    if (timings) timings.set(stage.name, (timings.get(stage.name) ?? 0) + performance.now() - t0);
  }
  return current;
}
