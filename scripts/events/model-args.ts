import { readFileSync } from 'node:fs';
import { deserialiseEventModel, eventModel, useEventModel } from '../../src/events/model.js';
import { deserialiseNewsFilter, useNewsFilter } from '../../src/events/news-filter.js';
import { strArg } from './options.js';

/**
 * The measuring scripts' model options: `--model FILE` and `--threshold N` (the NONE margin) replace the
 * committed events model, `--filter FILE` the committed news filter, for this process only.
 */
export function useModelArgs(): void {
  const model = strArg('model', '');
  const threshold = strArg('threshold', '');
  if (model || threshold) {
    const m = model ? deserialiseEventModel(readFileSync(model)) : eventModel();
    useEventModel(threshold ? { ...m, threshold: Number(threshold) } : m);
  }
  const filterFile = strArg('filter', '');
  if (filterFile) useNewsFilter(deserialiseNewsFilter(readFileSync(filterFile)));
}
