import type { RequirementLine } from './requirements.types.js';

/** pip's comment rule: "#" at the start or after whitespace starts a comment (a URL's "#egg=" does not). */
const COMMENT = /(^|\s+)#.*$/;

/**
 * Splits a requirements file into logical lines the way pip does: a line ending in "\" continues
 * on the next one (a comment line never continues), comments and blank lines are dropped.
 */
export function splitRequirementLines(text: string): RequirementLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: RequirementLine[] = [];
  let pending: RequirementLine | undefined;
  physical.forEach((raw, i) => {
    const isComment = /^\s*#/.test(raw);
    const continues = !isComment && raw.endsWith('\\');
    const body = continues ? raw.slice(0, -1) : raw;
    pending = pending === undefined ? { line: i + 1, text: body } : { line: pending.line, text: `${pending.text} ${isComment ? '' : body}` };
    if (continues) return;
    const text = pending.text.replace(COMMENT, '').trim();
    if (text !== '') out.push({ line: pending.line, text });
    pending = undefined;
  });
  if (pending !== undefined && pending.text.trim() !== '') out.push({ line: pending.line, text: pending.text.replace(COMMENT, '').trim() });
  return out;
}
