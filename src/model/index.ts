export * from './span.js';
export * from './meta.js';
export * from './message.js';
export * from './analysis.js';
export * from './dyads.js';
export * from './doc.js';
export * from './input.js';
export * from './layers.js';
