/**
 * Sizes a reader can hold in mind, checked over the source so they stay true: no file under src/
 * longer than 500 lines, no function longer than 80 (test files aside; suites and fixtures count).
 * Lines are counted plainly: a file's lines, a function from the line
 * it starts on to the line it ends on, with the TypeScript parser finding the functions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/util/data.js';

const SRC = path.join(PROJECT_ROOT, 'src');
const MAX_FILE_LINES = 500;
const MAX_FUNCTION_LINES = 80;

function sourceFiles(dir = SRC): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (/\.tsx?$/.test(name) && !name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

function functionName(node: ts.SignatureDeclaration): string {
  if (node.name) return node.name.getText();
  return ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : '<anon>';
}

/** Every file over the limit as `file (n lines)`, every function as `file:name (n lines)`. */
function oversized(): { key: string; lines: number }[] {
  const out: { key: string; lines: number }[] = [];
  for (const file of sourceFiles()) {
    const rel = path.relative(SRC, file).split(path.sep).join('/');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').length;
    if (lines > MAX_FILE_LINES) out.push({ key: rel, lines });
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const first = source.getLineAndCharacterOfPosition(node.getStart()).line;
        const last = source.getLineAndCharacterOfPosition(node.end).line;
        const length = last - first + 1;
        if (length > MAX_FUNCTION_LINES) out.push({ key: `${rel}:${functionName(node)}`, lines: length });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

describe('sizes', () => {
  const found = oversized();

  it(`has no file over ${MAX_FILE_LINES} lines and no function over ${MAX_FUNCTION_LINES} lines`, () => {
    expect(found.map((f) => `${f.key} (${f.lines} lines)`)).toEqual([]);
  });
});
