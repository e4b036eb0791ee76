import { readFileSync } from 'node:fs';

/** One Debian OVAL definition reduced to what the comparison needs. */
export interface OvalDefinitionRow {
  defId: string;
  /** The id Patchloop reports it under: a vulnerability's first CVE reference, a patch's title id (DSA-…). */
  advisoryId: string;
  /** The dpkginfo_object name: a SOURCE package name in Debian's OVAL. */
  objectName: string;
  /** The "less than" evr of the state, without a "0:" epoch; null when it is "0:0" (unfixed). */
  fixed: string | null;
}

/**
 * Reads the definitions of a decompressed Debian OVAL file with plain regular expressions,
 * independently of Patchloop's parser, so a parser bug shows up as a difference. Each Debian
 * definition is "release AND (uname AND one dpkginfo_test)"; anything else throws.
 */
export function readOvalDefinitionTable(xmlPath: string): Map<string, OvalDefinitionRow> {
  const xml = readFileSync(xmlPath, 'utf8');
  const objects = mapById(xml, /<dpkginfo_object id="([^"]+)"[^>]*>\s*<name>([^<]*)<\/name>/g);
  const states = mapById(xml, /<dpkginfo_state id="([^"]+)"[^>]*>\s*<evr [^>]*operation="less than">([^<]*)<\/evr>/g);
  const tests = new Map<string, { object: string; state: string }>();
  for (const m of xml.matchAll(/<dpkginfo_test id="([^"]+)"[^>]*>\s*<object object_ref="([^"]+)"\/>\s*<state state_ref="([^"]+)"\/>/g)) {
    tests.set(m[1]!, { object: m[2]!, state: m[3]! });
  }
  const out = new Map<string, OvalDefinitionRow>();
  for (const m of xml.matchAll(/<definition id="([^"]+)"[^>]*class="([^"]+)"[^>]*>([\s\S]*?)<\/definition>/g)) {
    out.set(m[1]!, definitionRow(m[1]!, m[2]!, m[3]!, { objects, states, tests }));
  }
  return out;
}

function definitionRow(defId: string, cls: string, body: string, t: { objects: Map<string, string>; states: Map<string, string>; tests: Map<string, { object: string; state: string }> }): OvalDefinitionRow {
  const dpkgTests = [...body.matchAll(/test_ref="([^"]+)"/g)].map((r) => r[1]!).filter((id) => t.tests.has(id));
  if (dpkgTests.length !== 1) throw new Error(`oval: definition ${defId} has ${dpkgTests.length} dpkginfo tests, expected 1`);
  const test = t.tests.get(dpkgTests[0]!)!;
  const objectName = t.objects.get(test.object);
  const evr = t.states.get(test.state);
  if (objectName === undefined || evr === undefined) throw new Error(`oval: definition ${defId}: unresolved object or state`);
  const titleId = /<title>(\S+)/.exec(body)?.[1] ?? defId;
  const firstCve = /<reference source="CVE" ref_id="([^"]+)"/.exec(body)?.[1];
  const version = evr.replace(/^0:/, '');
  return { defId, advisoryId: cls === 'patch' ? titleId : (firstCve ?? titleId), objectName, fixed: version === '0' ? null : version };
}

function mapById(xml: string, re: RegExp): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of xml.matchAll(re)) m.set(r[1]!, r[2]!);
  return m;
}
