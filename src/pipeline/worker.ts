import type { Analysis, ArticleMeta } from '../model/index.js';
import { analyze } from './analyze.js';

export interface PoolTask {
  id?: string;
  text: string;
  meta?: ArticleMeta;
  tokens?: boolean;
}

/** Runs in a worker thread: one analysis per task (models load once per thread). */
export default function analyzeTask(task: PoolTask): Analysis {
  return analyze(task.text, task.meta ?? {}, { id: task.id, tokens: task.tokens });
}
