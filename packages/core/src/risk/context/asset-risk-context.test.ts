import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Criticality, Exposure } from '../../inventory/asset.js';
import { assetRiskContextOf } from './asset-risk-context.js';

const asset = (criticality: Criticality, exposure: Exposure = 'internal') =>
  ({ id: 'a1', criticality, exposure, environment: 'prod', tags: ['pci'] });

describe('assetRiskContextOf', () => {
  const byCriticality = [
    [1, 'minimal', 'low'], [2, 'minimal', 'low'], [3, 'support', 'medium'], [4, 'essential', 'high'], [5, 'essential', 'high'],
  ] as const;
  for (const [criticality, prevalence, mwb] of byCriticality) {
    it(`criticality ${criticality} -> prevalence ${prevalence}, mission & well-being ${mwb}`, () => {
      const c = assetRiskContextOf(asset(criticality));
      assert.deepEqual([c.missionPrevalence, c.missionWellBeing], [prevalence, mwb]);
    });
  }
  const byExposure = [['internet', 'open'], ['internal', 'controlled'], ['isolated', 'small']] as const;
  for (const [exposure, systemExposure] of byExposure) {
    it(`exposure ${exposure} -> system exposure ${systemExposure}`, () => assert.equal(assetRiskContextOf(asset(3, exposure)).systemExposure, systemExposure));
  }
  it('public well-being raises mission & well-being (criticality 1 + irreversible -> high)', () => {
    assert.equal(assetRiskContextOf(asset(1), { publicWellBeing: 'irreversible' }).missionWellBeing, 'high');
    assert.equal(assetRiskContextOf(asset(1), { publicWellBeing: 'material' }).missionWellBeing, 'medium');
  });
  it('carries the facts due-date rules match on, and explains each mapping', () => {
    const c = assetRiskContextOf(asset(4, 'internet'));
    assert.deepEqual([c.assetId, c.environment, c.tags, c.exposure, c.criticality], ['a1', 'prod', ['pci'], 'internet', 4]);
    assert.equal(c.explanation.length, 3);
  });
});
