import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scoreCvssVector } from '../cvss/cvss-score.js';
import { automatableFromCvss, technicalImpactFromCvss } from './cvss-derivation.js';

describe('automatableFromCvss', () => {
  const cases = [
    ['v3.1 remote, no privileges, no interaction', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'yes'],
    ['v3.1 needs user interaction', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 'no'],
    ['v3.1 needs privileges', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 'no'],
    ['v3.1 high complexity', 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H', 'no'],
    ['v3.0 local', 'CVSS:3.0/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'no'],
    ['v4.0 remote, no attack requirements', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'yes'],
    ['v4.0 attack requirements present', 'CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'no'],
    ['v4.0 AU:Y wins over the base metrics', 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AU:Y', 'yes'],
    ['v4.0 AU:N wins over the base metrics', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AU:N', 'no'],
    ['v2 remote, no authentication', 'AV:N/AC:L/Au:N/C:P/I:P/A:P', 'yes'],
    ['v2 single authentication', 'AV:N/AC:L/Au:S/C:P/I:P/A:P', 'no'],
  ] as const;
  for (const [name, vector, expected] of cases) {
    it(`${name} -> ${expected}`, () => {
      const d = automatableFromCvss(scoreCvssVector(vector));
      assert.equal(d.value, expected, d.rule);
      assert.ok(d.rule.length > 0);
    });
  }
  it('names the failing metric', () => {
    assert.match(automatableFromCvss(scoreCvssVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H')).rule, /UI:R is not UI:N/);
  });
});

describe('technicalImpactFromCvss', () => {
  const cases = [
    ['v3.1 C:H/I:H', 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:N', 'total'],
    ['v3.1 C:H/I:L with PR:N', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:L/A:N', 'total'],
    ['v3.1 C:H/I:L with PR:L', 'CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:L/A:N', 'partial'],
    ['v3.1 availability only', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 'partial'],
    ['v3.1 C:H only (information disclosure)', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 'partial'],
    ['v4.0 VC:H/VI:H', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:H/VI:H/VA:N/SC:N/SI:N/SA:N', 'total'],
    ['v4.0 subsequent-system impact does not count', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:H/SI:H/SA:H', 'partial'],
    ['v2 complete C and I', 'AV:N/AC:L/Au:M/C:C/I:C/A:N', 'total'],
    ['v2 partial everything, no auth', 'AV:N/AC:L/Au:N/C:P/I:P/A:P', 'partial'],
    ['v2 complete C, partial I, no auth', 'AV:N/AC:L/Au:N/C:C/I:P/A:N', 'total'],
  ] as const;
  for (const [name, vector, expected] of cases) {
    it(`${name} -> ${expected}`, () => assert.equal(technicalImpactFromCvss(scoreCvssVector(vector)).value, expected));
  }

  it('agrees with CERT/CC\'s CVSS v4 -> Technical Impact table on all 27 rows (testdata)', () => {
    const letter: Record<string, string> = { none: 'N', low: 'L', high: 'H' };
    const rows = readFileSync(new URL('./testdata/cvssv4_to_technical_impact_1_0_0.csv', import.meta.url), 'utf8')
      .split('\n').slice(1).filter((l) => l !== '');
    assert.equal(rows.length, 27);
    for (const row of rows) {
      const [, pr = '', vc = '', vi = '', expected] = row.split(',');
      const vector = `CVSS:4.0/AV:N/AC:L/AT:N/PR:${letter[pr]}/UI:N/VC:${letter[vc]}/VI:${letter[vi]}/VA:N/SC:N/SI:N/SA:N`;
      assert.equal(technicalImpactFromCvss(scoreCvssVector(vector)).value, expected, row);
    }
  });
});
