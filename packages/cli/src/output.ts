import Table from 'cli-table3';

/** Prints JSON (one document) for --json. */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A plain table; cli-table3 draws no colours when stdout is not a terminal. */
export function printTable(head: string[], rows: (string | number | undefined)[][]): void {
  const table = new Table({ head, style: { head: process.stdout.isTTY ? ['cyan'] : [], border: [] } });
  for (const r of rows) table.push(r.map((c) => (c === undefined ? '' : String(c))));
  process.stdout.write(`${table.toString()}\n`);
}
