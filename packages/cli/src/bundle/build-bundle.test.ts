import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isBundled, packageOf, rewriteImportMetaUrl } from './build-bundle.js';

describe('build-bundle', () => {
  const packages: [string, string, string][] = [
    ['a plain package', 'kysely', 'kysely'],
    ['a subpath', 'ajv/dist/2020.js', 'ajv'],
    ['a scoped package', '@fastify/swagger', '@fastify/swagger'],
    ['a scoped subpath', '@patchloop/server/scan', '@patchloop/server'],
  ];
  for (const [name, specifier, want] of packages) it(`packageOf: ${name}`, () => assert.equal(packageOf(specifier), want));

  const bundled: [string, string, boolean][] = [
    ['a relative import', './scan/scan-table.js', true],
    ['a workspace package', '@patchloop/store', true],
    ['a workspace subpath', '@patchloop/inventory/host', true],
    ['a listed pure-JS dependency', 'kysely', true],
    ['a node built-in', 'node:fs', false],
    ['a bare built-in', 'fs', false],
    ['a native driver', 'better-sqlite3', false],
    ['the HTTP server stack', 'fastify', false],
  ];
  for (const [name, specifier, want] of bundled) it(`isBundled: ${name}`, () => assert.equal(isBundled(specifier), want));

  const rewrites: [string, string, 'esm' | 'cjs', string][] = [
    ['no import.meta: unchanged', 'export const x = 1;', 'esm', 'export const x = 1;'],
    ['ES module: relative to the chunk', "new URL('../../../snapshot/', import.meta.url)", 'esm', 'new URL(\'../../../snapshot/\', new URL("../../dist/snapshot.js", import.meta.url).href)'],
    ['CommonJS: relative to __dirname', 'f(import.meta.url)', 'cjs', 'f(require("node:url").pathToFileURL(require("node:path").join(__dirname, "../../dist/snapshot.js")).href)'],
  ];
  for (const [name, code, format, want] of rewrites) it(`rewriteImportMetaUrl: ${name}`, () => assert.equal(rewriteImportMetaUrl(code, '../../dist/snapshot.js', format), want));

  it('the rewritten URL names the original module from the bundle directory', () => {
    const code = rewriteImportMetaUrl('export default import.meta.url;', '../../../store/dist/x.js');
    const url = code.replace('export default ', '').replace(/;$/, '').replace('import.meta.url', JSON.stringify('file:///repo/packages/cli/dist/bundled/chunk-1.js'));
    assert.equal(eval(url), 'file:///repo/packages/store/dist/x.js');
  });
});
