/** Language detection lives with the text stage (the pipeline uses it too); ingest re-exports it. */
export { detectLanguage } from '../text/language.js';
