import { invalidInput } from '@patchloop/core';
import type { InstalledPackage, InventorySnapshot } from '@patchloop/core';
import type { ApplicationParseOptions, ApplicationParser } from '../application-parser.js';
import { chooseAssetName } from '../shared/asset-name.js';
import { dedupePackages } from '../shared/package-set.js';
import { parseRequirement } from './requirements.grammar.js';
import { splitRequirementLines } from './requirements.lines.js';
import { requirementToPackage } from './requirements.mapper.js';
import type { RequirementResult } from './requirements.mapper.js';
import type { RequirementLine } from './requirements.types.js';

const FILE_NAME = /(?:^|[/\\])[^/\\]*requirements[^/\\]*\.(?:txt|in)$/i;
const LOOKS_LIKE_LINE = /^(?:-[-a-zA-Z]|[A-Za-z0-9][A-Za-z0-9._-]*\s*(?:\[[^\]]*\])?\s*(?:\(|==|>=|<=|~=|!=|<|>|;|@|$))/;
/** Options that only steer where pip downloads from: nothing to inventory, nothing to warn about. */
const INDEX_OPTIONS = /^(?:-i|--index-url|--extra-index-url|--no-index|-f|--find-links|--trusted-host|--pre|--prefer-binary|--only-binary|--no-binary|--require-hashes|--use-feature)(?:[= ]|$)/;
const INCLUDE_OPTIONS = /^(?:-r|--requirement|-c|--constraint)(?:[= ]\s*|\s*)(\S+)$/;
const EDITABLE = /^(?:-e|--editable)(?:[= ]|\s)/;
const URL_OR_PATH = /^(?:[a-z][a-z0-9+.-]*:\/\/|\.{0,2}\/|[A-Za-z]:\\)|^\S+\s*@\s*\S/i;

/**
 * pip requirements files. Exactly pinned lines (`name==version`, `===`) become PyPI packages
 * with PEP 503 names; unpinned lines, URL/path/editable requirements and `-r`/`-c` includes are
 * warnings naming the line; a line that is no requirement at all is E_REQUIREMENT_INVALID.
 *
 * @example
 * requirementsParser.parse('Django==4.2\nrequests>=2\n', { file: 'requirements.txt' })
 * // packages: django 4.2; warnings: ['line 2: requests is not pinned (>=2): not inventoried']
 */
export const requirementsParser: ApplicationParser = {
  format: 'requirements',
  detect(text: string, fileName?: string): boolean {
    if (fileName !== undefined && FILE_NAME.test(fileName)) return true;
    const lines = splitRequirementLines(text.slice(0, 8192)).slice(0, 50);
    return lines.length > 0 && lines.every((l) => LOOKS_LIKE_LINE.test(l.text)) && lines.some((l) => l.text.includes('=='));
  },
  parse(text: string, opts: ApplicationParseOptions): InventorySnapshot {
    const packages: InstalledPackage[] = [];
    const warnings: string[] = [];
    for (const line of splitRequirementLines(text)) {
      const result = readRequirementLine(line, opts.file);
      if (result.pkg) packages.push(result.pkg);
      if (result.warning) warnings.push(result.warning);
    }
    const asset = { name: chooseAssetName(opts, undefined), kind: 'application' as const, source: 'lockfile:requirements' };
    return { asset, packages: dedupePackages(packages), warnings };
  },
};

/** One logical line -> package and/or warning; throws for lines that are neither option nor requirement. */
function readRequirementLine(line: RequirementLine, file?: string): RequirementResult {
  const { text } = line;
  if (INDEX_OPTIONS.test(text)) return {};
  const include = INCLUDE_OPTIONS.exec(text);
  if (include) return { warning: `line ${line.line}: includes ${include[1]}: not followed, parse that file on its own` };
  if (EDITABLE.test(text)) return { warning: `line ${line.line}: editable requirement "${text}": not inventoried` };
  if (text.startsWith('-')) throw invalidInput('E_REQUIREMENT_INVALID', `unknown option "${text}"`, { file, line: line.line });
  if (URL_OR_PATH.test(text)) return { warning: `line ${line.line}: "${text}" is a URL or path requirement, version unknown: not inventoried` };
  return requirementToPackage(parseRequirement(line, file), line.line);
}
