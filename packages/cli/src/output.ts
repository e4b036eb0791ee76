import Table from 'cli-table3';

/**
 * Prints JSON (one document) for --json. The newline is a second write: appending it would copy
 * the whole document once more (a scan report is megabytes).
 */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2));
  process.stdout.write('\n');
}

/** A plain table; cli-table3 draws no colours when stdout is not a terminal. */
export function printTable(head: string[], rows: (string | number | undefined)[][]): void {
  const table = new Table({ head, style: { head: process.stdout.isTTY ? ['cyan'] : [], border: [] } });
  for (const r of rows) table.push(r.map((c) => (c === undefined ? '' : String(c))));
  process.stdout.write(`${table.toString()}\n`);
}
