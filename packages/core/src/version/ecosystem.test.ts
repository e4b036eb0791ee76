import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalEcosystem, schemeForEcosystem } from './ecosystem.js';

describe('canonicalEcosystem', () => {
  const cases: [string, string][] = [
    ['Ubuntu:24.04:LTS', 'Ubuntu:24.04'],
    ['Ubuntu:24.04', 'Ubuntu:24.04'],
    ['Ubuntu:24.10', 'Ubuntu:24.10'],
    ['Ubuntu:Pro:18.04:LTS', 'Ubuntu:Pro:18.04'],
    ['Red Hat:enterprise_linux:9::appstream', 'Red Hat:9'],
    ['Red Hat:enterprise_linux:8::baseos', 'Red Hat:8'],
    ['Red Hat:rhel_aus:8.6::appstream', 'Red Hat:rhel_aus:8.6::appstream'],
    ['Debian:12', 'Debian:12'],
    ['Alpine:v3.19', 'Alpine:v3.19'],
    ['npm', 'npm'],
  ];
  for (const [input, want] of cases) it(`${input} -> ${want}`, () => assert.equal(canonicalEcosystem(input), want));
});

describe('schemeForEcosystem', () => {
  const cases: [string, string | undefined][] = [['Debian:12', 'dpkg'], ['Ubuntu:24.04:LTS', 'dpkg'], ['Alpine:v3.19', 'apk'], ['Red Hat:9', 'rpm'], ['PyPI', 'pep440'], ['Go', 'go'], ['RubyGems', undefined]];
  for (const [input, want] of cases) it(`${input} -> ${want}`, () => assert.equal(schemeForEcosystem(input), want));
});
