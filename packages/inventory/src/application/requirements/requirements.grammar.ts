import { invalidInput } from '@patchloop/core';
import type { ParsedRequirement, RequirementLine, VersionClause } from './requirements.types.js';

/** PEP 508 name (letters, digits, ".", "_", "-", starting and ending alphanumeric), extras, then the rest. */
const REQUIREMENT = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[([^\]]*)\])?\s*(.*)$/;
const CLAUSE = /^(~=|===|==|!=|<=|>=|<|>)\s*([A-Za-z0-9_.*+!-]+)$/;
const EXTRA = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
/** Options pip allows after a requirement on the same line. */
const PER_REQUIREMENT_OPTIONS = /^--(?:hash|global-option|install-option|config-settings)(?:[= ]\S+)$/;

/**
 * Parses one requirement line (PEP 508 with a version specifier, plus pip's per-requirement
 * options such as --hash). Throws E_REQUIREMENT_INVALID naming the line when it is not one.
 */
export function parseRequirement({ line, text }: RequirementLine, file?: string): ParsedRequirement {
  const fail = (why: string): never => {
    throw invalidInput('E_REQUIREMENT_INVALID', `"${text}" is not a valid requirement: ${why}`, { file, line });
  };
  const [spec = '', ...options] = text.split(/\s+(?=--)/);
  const bad = options.find((o) => !PER_REQUIREMENT_OPTIONS.test(o.trim()));
  if (bad !== undefined) fail(`unknown option ${bad.trim()}`);
  const semi = spec.indexOf(';');
  const head = semi < 0 ? spec : spec.slice(0, semi);
  const marker = semi < 0 ? undefined : spec.slice(semi + 1).trim();
  if (marker === '') fail('empty environment marker');
  const m = REQUIREMENT.exec(head.trim());
  if (!m) return fail('no package name');
  const extras = (m[2] ?? '').split(',').map((e) => e.trim()).filter((e) => e !== '');
  if (extras.some((e) => !EXTRA.test(e))) fail('bad extras');
  const clauses = parseClauses(m[3] ?? '', fail);
  const req: ParsedRequirement = { name: m[1] as string, extras, clauses };
  if (marker !== undefined) req.marker = marker;
  return req;
}

/** "==1.0", ">=1,<2", "(==1.0)" or "" -> clauses. */
function parseClauses(spec: string, fail: (why: string) => never): VersionClause[] {
  const inner = spec.trim().replace(/^\((.*)\)$/, '$1').trim();
  if (inner === '') return [];
  return inner.split(',').map((part) => {
    const c = CLAUSE.exec(part.trim());
    if (!c) return fail(`bad version clause "${part.trim()}"`);
    return { operator: c[1] as VersionClause['operator'], version: c[2] as string };
  });
}
