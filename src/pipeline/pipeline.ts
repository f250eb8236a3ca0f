import {
  emptyLayers,
  LAYER_NAMES,
  type Doc,
  type Layer,
  type Stage,
  type StageOutput,
} from '../model/index.js';

const KNOWN_LAYERS: ReadonlySet<string> = new Set(LAYER_NAMES);

/**
 * Checks that every stage names only declared layers and that its requirements are provided by an
 * earlier stage, as spaCy's add_pipe does.
 */
export function checkOrder(stages: readonly Stage[]): void {
  const have = new Set<Layer>();
  for (const stage of stages) {
    for (const layer of [...stage.requires, ...stage.provides])
      if (!KNOWN_LAYERS.has(layer))
        throw new Error(`stage "${stage.name}" names "${layer}", which is no layer of the document`);
    for (const need of stage.requires) {
      if (!have.has(need))
        throw new Error(`stage "${stage.name}" requires "${need}", which no earlier stage provides`);
    }
    for (const p of stage.provides) have.add(p);
  }
}

/** The document before the first stage: the text, its metadata and every layer empty. */
export function emptyDoc(text: string, meta: Doc['meta'], id?: string): Doc {
  return { id, text, meta, ...emptyLayers() };
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
