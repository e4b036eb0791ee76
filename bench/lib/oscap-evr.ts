/**
 * OpenSCAP 1.3.7's `debian_evr_string` comparison (src/OVAL/results/oval_cmp_evr_string.c:
 * parseEVR + dpkg's verrevcmp), ported so the agreement harness can predict what `oscap`
 * should answer without asking Patchloop's own version scheme. Epoch = leading digits before
 * ":", revision = after the LAST "-", a missing epoch is 0.
 */
export function compareOscapEvr(a: string, b: string): number {
  const x = parseEvr(a);
  const y = parseEvr(b);
  if (x.epoch !== y.epoch) return x.epoch > y.epoch ? 1 : -1;
  return Math.sign(verrevcmp(x.version, y.version)) || Math.sign(verrevcmp(x.revision, y.revision));
}

function parseEvr(evr: string): { epoch: number; version: string; revision: string } {
  const m = /^(\d*):/.exec(evr);
  const rest = m ? evr.slice(m[0].length) : evr;
  const dash = rest.lastIndexOf('-');
  return {
    epoch: m ? Number(m[1] || '0') : 0,
    version: dash >= 0 ? rest.slice(0, dash) : rest,
    revision: dash >= 0 ? rest.slice(dash + 1) : '',
  };
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string): boolean => /^[A-Za-z]$/.test(c);

function order(c: string | undefined): number {
  if (c === undefined || isDigit(c)) return 0;
  if (isAlpha(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

function verrevcmp(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !isDigit(a[i])) || (j < b.length && !isDigit(b[j]))) {
      const ac = order(a[i]);
      const bc = order(b[j]);
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a[i] === '0') i++;
    while (b[j] === '0') j++;
    let firstDiff = 0;
    while (isDigit(a[i]) && isDigit(b[j])) {
      if (!firstDiff) firstDiff = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (isDigit(a[i])) return 1;
    if (isDigit(b[j])) return -1;
    if (firstDiff) return firstDiff;
  }
  return 0;
}
