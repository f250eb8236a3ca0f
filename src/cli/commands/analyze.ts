import type { Command } from 'commander';

export interface AnalyzeFlags {
  format: string;
  published?: string;
  title?: string;
  url?: string;
  outlet?: string;
  language?: string;
  jsonl?: boolean;
  tokens?: boolean;
  progress?: boolean;
  workers?: string;
  actors?: string[];
  verbs?: string;
}

export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description(
      'analyse an article (a text file, or - for stdin); with --jsonl, a batch of {id, text, meta} lines',
    )
    .argument('<file>', 'text file, JSONL file with --jsonl, or - for standard input')
    .option('-f, --format <format>', 'json or text (a human summary)', 'json')
    .option('--published <date>', 'publication date (YYYY-MM-DD), for relative dates and roles')
    .option('--title <title>', 'article title (otherwise taken from the first line)')
    .option('--url <url>', 'article URL')
    .option('--outlet <name>', 'publishing outlet')
    .option(
      '--language <code>',
      'article language (ISO 639-1); detected when left out; text not in English is kept but not analysed',
    )
    .option('--jsonl', 'read one {id, text, meta} object per line and write one analysis per line (streamed)')
    .option('--tokens', 'include the token-level layers (tokens, pos, quotations)')
    .option('--no-progress', 'no progress lines on stderr for batches')
    .option(
      '--actors <file...>',
      'extra PETRARCH/Phoenix-format actor dictionaries, consulted after the built-in knowledge base',
    )
    .option('--verbs <file>', 'extra CAMEO.2.0-style verb dictionary for event coding')
    .option(
      '--workers <n>',
      'worker threads for --jsonl batches (a number or auto); output order is unchanged',
      '1',
    )
    .action(async (file: string, flags: AnalyzeFlags) => {
      // The pipeline loads only when an article is analysed (not for --help or another command).
      const { runAnalyze } = await import('./analyze-run.js');
      await runAnalyze(file, flags);
    });
}
