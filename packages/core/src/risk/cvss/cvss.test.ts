import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDomainError } from '../../errors/domain-error.js';
import { scoreCvssVector } from './cvss-score.js';
import { severityOfCvssScore } from './cvss-severity.js';

describe('scoreCvssVector: named vectors', () => {
  const cases = [
    { name: 'v3.1 network RCE', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', version: '3.1', base: 9.8, severity: 'Critical', normalized: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    { name: 'v3.0 metrics out of order are reordered', vector: 'CVSS:3.0/S:U/AV:N/AC:L/PR:H/UI:N/C:L/I:L/A:N', version: '3.0', base: 3.8, severity: 'Low', normalized: 'CVSS:3.0/AV:N/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:N' },
    { name: 'v3.1 Not Defined temporal metric dropped', vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N/E:X', version: '3.1', base: 5.5, severity: 'Medium', normalized: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N' },
    { name: 'v3.1 all none', vector: 'CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N', version: '3.1', base: 0, severity: 'None', normalized: 'CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N' },
    { name: 'v2 bare vector (NVD style)', vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P', version: '2.0', base: 7.5, severity: 'High', normalized: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' },
    { name: 'v2 low', vector: 'AV:L/AC:H/Au:M/C:N/I:N/A:P', version: '2.0', base: 0.8, severity: 'Low', normalized: 'AV:L/AC:H/Au:M/C:N/I:N/A:P' },
    { name: 'v4.0 base', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', version: '4.0', base: 9.3, severity: 'Critical', normalized: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
    { name: 'surrounding whitespace trimmed', vector: '  CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N \n', version: '3.1', base: 7.5, severity: 'High', normalized: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N' },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const s = scoreCvssVector(c.vector);
      assert.deepEqual([s.version, s.baseScore, s.severity, s.vector], [c.version, c.base, c.severity, c.normalized]);
    });
  }
});

describe('scoreCvssVector: temporal, environmental and v4.0 overall scores', () => {
  it('v3.0 temporal and environmental', () => {
    const s = scoreCvssVector('CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N/E:H/RL:O/RC:C/CR:H/IR:H/AR:H/MAV:N/MAC:L/MPR:L/MUI:N/MS:C/MC:H/MI:H/MA:H');
    assert.deepEqual([s.baseScore, s.temporalScore, s.environmentalScore, s.overallScore], [9.3, 8.9, 9.5, 9.5]);
  });
  it('v2 temporal is exact where binary floats round 8.55 down (library says 8.5)', () => {
    const s = scoreCvssVector('AV:N/AC:L/Au:S/C:C/I:C/A:C/E:F/RL:U/RC:C');
    assert.deepEqual([s.baseScore, s.temporalScore, s.overallScore], [9, 8.6, 8.6]);
  });
  it('base-only vectors carry no temporal or environmental score', () => {
    const s = scoreCvssVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H');
    assert.deepEqual([s.temporalScore, s.environmentalScore, s.overallScore], [undefined, undefined, 9.6]);
  });
  it('v4.0 threat metric lowers the overall score, not the base score', () => {
    const s = scoreCvssVector('CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:U');
    assert.deepEqual([s.baseScore, s.overallScore, s.nomenclature, s.severity], [7.3, 4.1, 'CVSS-BT', 'High']);
  });
  it('v4.0 supplemental metrics do not change the score', () => {
    const s = scoreCvssVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/AU:Y/U:Red');
    assert.deepEqual([s.baseScore, s.overallScore, s.nomenclature], [9.3, 9.3, 'CVSS-B']);
  });
});

describe('scoreCvssVector: invalid vectors name the vector and the metric', () => {
  const cases = [
    { name: 'unknown value', vector: 'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', metric: 'AV', says: 'unknown value "Q"' },
    { name: 'unknown metric', vector: 'CVSS:3.1/FOO:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', metric: 'FOO', says: 'unknown metric FOO' },
    { name: 'v3 metric in a v2 vector', vector: 'AV:N/AC:L/PR:N/C:P/I:P/A:P', metric: 'PR', says: 'unknown metric PR' },
    { name: 'missing base metric', vector: 'CVSS:3.1/AV:N/AC:L', metric: 'PR', says: 'base metric PR is missing' },
    { name: 'base metric Not Defined', vector: 'CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', metric: 'AV', says: 'base metric AV is missing' },
    { name: 'v2 base metric Not Defined', vector: 'AV:ND/AC:L/Au:N/C:P/I:P/A:P', metric: 'AV', says: 'base metric AV is missing' },
    { name: 'repeated metric', vector: 'CVSS:3.1/AV:N/AV:L/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', metric: 'AV', says: 'more than once' },
    { name: 'v4.0 SC:S (safety is for MSI/MSA only)', vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:S/SI:N/SA:N', metric: 'SC', says: 'not allowed' },
    { name: 'lower-case metric', vector: 'CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', metric: 'av', says: 'unknown metric av' },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      assert.throws(() => scoreCvssVector(c.vector), (e: unknown) => {
        assert.ok(isDomainError(e));
        assert.equal(e.code, 'E_CVSS_INVALID');
        assert.equal(e.kind, 'invalid_input');
        assert.equal(e.location?.field, c.metric);
        assert.ok(e.message.includes(c.vector.trim()), e.message);
        assert.ok(e.message.includes(c.says), e.message);
        return true;
      });
    });
  }
  const malformed = [
    { name: 'empty', vector: '' },
    { name: 'garbage', vector: 'garbage' },
    { name: 'unknown version', vector: 'CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    { name: 'prefix only', vector: 'CVSS:3.1/' },
    { name: 'empty part', vector: 'CVSS:3.1/AV:N//AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    { name: 'parenthesised v2', vector: '(AV:N/AC:L/Au:N/C:P/I:P/A:P)' },
  ];
  for (const c of malformed) {
    it(`malformed: ${c.name}`, () => {
      assert.throws(() => scoreCvssVector(c.vector), (e: unknown) => isDomainError(e) && e.code === 'E_CVSS_INVALID' && e.message.includes(`"${c.vector}"`));
    });
  }
});

describe('severityOfCvssScore', () => {
  const cases = [
    ['3.1', 0, 'None'], ['3.1', 0.1, 'Low'], ['3.1', 3.9, 'Low'], ['3.1', 4, 'Medium'], ['4.0', 6.9, 'Medium'],
    ['4.0', 7, 'High'], ['3.0', 8.9, 'High'], ['3.0', 9, 'Critical'], ['3.1', 10, 'Critical'],
    ['2.0', 0, 'Low'], ['2.0', 3.9, 'Low'], ['2.0', 4, 'Medium'], ['2.0', 7, 'High'], ['2.0', 10, 'High'],
  ] as const;
  for (const [version, score, expected] of cases) {
    it(`v${version} ${score} -> ${expected}`, () => assert.equal(severityOfCvssScore(version, score), expected));
  }
});
