import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { locateJsonSyntaxError, parseJsonText, positionAt } from './json-text.js';
import { assertThrowsDomainError } from '../testing/assert-domain-error.js';

const cases: { name: string; text: string; line: number; column: number }[] = [
  { name: 'missing value before }', text: '{\n  "a": 1,\n  "b": }', line: 3, column: 8 },
  { name: 'truncated document', text: '{\n  "a": [1,\n', line: 3, column: 1 },
  { name: 'trailing comma in array', text: '[1,\n2,\n]', line: 3, column: 1 },
  { name: 'text after the document', text: '{"a":1}\nx', line: 2, column: 1 },
  { name: 'raw newline inside a string', text: '{\n"a": "x\ny"}', line: 2, column: 8 },
  { name: 'missing colon', text: '{\n  "a" 1}', line: 2, column: 7 },
  { name: 'single-quoted key', text: "{\n 'a': 1}", line: 2, column: 2 },
  { name: 'bad literal', text: '{"a": tru}', line: 1, column: 7 },
  { name: 'bad escape', text: '{"a": "\\x"}', line: 1, column: 8 },
  { name: 'leading zero', text: '[01]', line: 1, column: 3 },
  { name: 'empty text', text: '', line: 1, column: 1 },
];

describe('parseJsonText', () => {
  for (const c of cases) {
    it(`names line ${c.line} for ${c.name}`, () => {
      assert.throws(() => JSON.parse(c.text), 'the case must really be invalid JSON');
      const offset = locateJsonSyntaxError(c.text);
      assert.ok(offset !== undefined);
      assert.deepEqual(positionAt(c.text, offset), { line: c.line, column: c.column });
      assertThrowsDomainError(() => parseJsonText(c.text, 'x.json'), { code: 'E_JSON_INVALID', line: c.line, message: `column ${c.column}` });
    });
  }
  const valid = ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "\\u00e9\\n"]} ', '"s"', '0', '\uFEFF{"bom": 1}'];
  for (const text of valid) {
    it(`accepts ${JSON.stringify(text)}`, () => {
      assert.equal(locateJsonSyntaxError(text.replace(/^\uFEFF/, '')), undefined);
      assert.doesNotThrow(() => parseJsonText(text));
    });
  }
});
