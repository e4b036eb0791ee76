import type { AvailableUpdate } from '../executor.js';

// "Inst openssl [3.0.9-1] (3.0.11-1~deb12u2 Debian-Security:12/stable-security [amd64])"
// "Inst libnew1 (1.2-3 Debian:12/stable [amd64])" (no installed version: a new dependency)
const INST_LINE = /^Inst (\S+) (?:\[[^\]]*\] )?\((\S+)/;

/**
 * The packages and versions from `apt-get -s upgrade` output ("Inst" lines; Conf/Remv lines and
 * everything else are ignored). A name appears once (the first line wins).
 * @example parseAptUpgradeSimulation('Inst openssl [3.0.9-1] (3.0.11-1 Debian:12/stable [amd64])') // [{ name: 'openssl', version: '3.0.11-1' }]
 */
export function parseAptUpgradeSimulation(output: string): AvailableUpdate[] {
  const byName = new Map<string, AvailableUpdate>();
  for (const line of output.split('\n')) {
    const m = INST_LINE.exec(line.trimEnd());
    if (!m?.[1] || !m[2] || byName.has(m[1])) continue;
    byName.set(m[1], { name: m[1], version: m[2] });
  }
  return [...byName.values()];
}
