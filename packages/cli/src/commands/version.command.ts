import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { SCHEME_NAMES, getScheme, invalidInput, isDomainError, type Ordering, type VersionScheme } from '@patchloop/core';

const symbolOf = (o: Ordering): string => (o < 0 ? '<' : o > 0 ? '>' : '=');

/** patchloop version compare --scheme S A B | --batch */
export function registerVersionCommands(program: Command): void {
  const version = program.command('version').description('version schemes (dpkg, rpm, apk, semver, pep440, maven, go)');
  version
    .command('compare [a] [b]')
    .description('compare two versions: prints <, = or >; with --batch reads "A<TAB>B" lines on stdin and prints -1, 0 or 1 per line')
    .requiredOption('--scheme <scheme>', SCHEME_NAMES.join(' | '))
    .option('--batch', 'read tab-separated pairs from stdin, one result per line')
    .action(async (a: string | undefined, b: string | undefined, o: { scheme: string; batch?: boolean }) => {
      const scheme = getScheme(o.scheme);
      if (o.batch) return compareBatch(scheme);
      if (a === undefined || b === undefined) throw invalidInput('E_USAGE', 'give two versions, or --batch to read pairs from stdin');
      process.stdout.write(`${symbolOf(scheme.compare(a, b))}\n`);
    });
}

/** Streams stdin; output is flushed in blocks so 100,000 lines take well under a second. */
async function compareBatch(scheme: VersionScheme): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let out: string[] = [];
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    out.push(String(compareLine(scheme, line, lineNo)));
    if (out.length >= 4096) {
      await write(`${out.join('\n')}\n`);
      out = [];
    }
  }
  if (out.length) await write(`${out.join('\n')}\n`);
}

function compareLine(scheme: VersionScheme, line: string, lineNo: number): Ordering {
  const tab = line.indexOf('\t');
  if (tab < 0) throw invalidInput('E_BATCH_LINE_INVALID', `expected "A<TAB>B", got ${JSON.stringify(line.slice(0, 80))}`, { file: 'stdin', line: lineNo });
  try {
    return scheme.compare(line.slice(0, tab), line.slice(tab + 1));
  } catch (e) {
    if (isDomainError(e)) throw invalidInput(e.code, e.message, { file: 'stdin', line: lineNo }, e);
    throw e;
  }
}

function write(chunk: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(chunk)) resolve();
    else process.stdout.once('drain', resolve);
  });
}
