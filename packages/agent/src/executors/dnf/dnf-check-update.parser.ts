import type { AvailableUpdate } from '../executor.js';

// "demo-web.noarch      2.0-2      demo" and, when a name overflows its column, dnf 4
// (output.py fmtColumns) prints it alone and the version and repository on the next line.
const EVR = /^(?:\d+:)?[^\s:-][^\s-]*-[^\s-]+$/;
const NAME_ARCH = /^(\S+)\.([^.\s]+)$/;
/** The header dnf prints before obsoletes; what follows is not a list of updates. */
const OBSOLETING = /^Obsoleting Packages\s*$/;

/**
 * The packages and versions from `dnf check-update` output (exit 100). Other lines (metadata
 * notices, "Security: ... is an installed security update", the obsoletes section) are ignored.
 * A name appears once (the first arch listed wins), like the apt parser.
 * @example parseDnfCheckUpdate('demo-web.noarch   2.0-2   demo\n') // [{ name: 'demo-web', version: '2.0-2' }]
 */
export function parseDnfCheckUpdate(output: string): AvailableUpdate[] {
  const byName = new Map<string, AvailableUpdate>();
  let pending: string | undefined;
  for (const line of output.split('\n')) {
    if (OBSOLETING.test(line)) break;
    const tokens = line.trim().split(/\s+/).filter((t) => t !== '');
    const row = pending !== undefined && tokens.length === 2 ? [pending, ...tokens] : tokens;
    pending = tokens.length === 1 && NAME_ARCH.test(tokens[0] ?? '') ? tokens[0] : undefined;
    const update = updateOf(row);
    if (update && !byName.has(update.name)) byName.set(update.name, update);
  }
  return [...byName.values()];
}

function updateOf(tokens: readonly string[]): AvailableUpdate | undefined {
  if (tokens.length !== 3) return undefined;
  const [nameArch = '', version = ''] = tokens;
  const m = NAME_ARCH.exec(nameArch);
  if (!m?.[1] || !EVR.test(version)) return undefined;
  return { name: m[1], version };
}
