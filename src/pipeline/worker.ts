import type { Analysis, ArticleMeta } from '../model/index.js';
import { analyze } from './analyze.js';
import { stagesWith } from './extras.js';
import type { ExtraKnowledge } from './extras.js';

export interface PoolTask {
  id?: string;
  text: string;
  meta?: ArticleMeta;
  tokens?: boolean;
  /** Extra dictionaries; the stages built from them are cached per thread. */
  extra?: ExtraKnowledge;
}

const stageCache = new Map<string, ReturnType<typeof stagesWith>>();

/** Runs in a worker thread: one analysis per task (models load once per thread). */
export default function analyzeTask(task: PoolTask): Analysis {
  let stages: ReturnType<typeof stagesWith> | undefined;
  if (task.extra) {
    const key = JSON.stringify(task.extra);
    stages = stageCache.get(key) ?? stagesWith(task.extra);
    stageCache.set(key, stages);
  }
  return analyze(task.text, task.meta ?? {}, { id: task.id, tokens: task.tokens, stages });
}

/** The same, serialised in the worker: the main thread then only writes the line (no clone, no stringify). */
export function analyzeTaskJson(task: PoolTask): string {
  return JSON.stringify(analyzeTask(task));
}
