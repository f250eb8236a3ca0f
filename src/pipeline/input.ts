/** What analyze() accepts: the rule lives in the model, so every floor can check input without the pipeline. */
export { checkText, InputError, MAX_TEXT_CHARS } from '../model/input.js';
