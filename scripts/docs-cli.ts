// Regenerates the CLI reference block of README.md from the commands' --help (npm run docs:cli).
import { readFileSync, writeFileSync } from 'node:fs';
import { cliReference, withReference } from '../src/cli/reference.js';

const file = new URL('../README.md', import.meta.url);
writeFileSync(file, withReference(readFileSync(file, 'utf8'), cliReference()));
console.log('README.md: CLI reference regenerated');
