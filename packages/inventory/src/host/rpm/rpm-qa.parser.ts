import { invalidInput } from '@patchloop/core';
import type { InstalledPackage } from '@patchloop/core';
import { osPackagePurl } from '../distro-purl.js';
import { parseTextWith } from '../package-db.js';
import type { PackageDbFormat, PackageDbLineParser, PackageDbParseOptions, PackageDbParseResult } from '../package-db.js';

/** Error code for malformed `rpm -qa --queryformat RPM_QA_QUERYFORMAT` output. */
export const E_RPM_QA_INVALID = 'E_RPM_QA_INVALID';

/**
 * The query format Patchloop runs, one package per line, six tab-separated columns.
 * The backslash escapes are for rpm to expand: pass this string as one argv element.
 *
 * @example
 * spawn('rpm', ['-qa', '--queryformat', RPM_QA_QUERYFORMAT]);
 */
export const RPM_QA_QUERYFORMAT = '%{NAME}\\t%{EPOCH}\\t%{VERSION}\\t%{RELEASE}\\t%{ARCH}\\t%{SOURCERPM}\\n';

/** How rpm prints an unset tag. */
const RPM_NONE = '(none)';
const SOURCE_RPM = /^(.+)-([^-]+)-([^-]+)\.(?:no)?src\.rpm$/;

/** One output line of RPM_QA_QUERYFORMAT, as rpm printed it. */
export interface RpmQaRow {
  name: string;
  epoch?: string;
  version: string;
  release: string;
  arch?: string;
  sourceRpm?: string;
}

/**
 * Parses `rpm -qa --queryformat RPM_QA_QUERYFORMAT` output. Versions are `epoch:version-release`
 * when an epoch is set, else `version-release`; the source package comes from SOURCERPM.
 *
 * @example
 * parseRpmQa('openssl-libs\t1\t3.0.7\t27.el9\tx86_64\topenssl-3.0.7-27.el9.src.rpm\n', { ecosystem: 'Red Hat:9' });
 */
export function parseRpmQa(text: string, opts: PackageDbParseOptions): PackageDbParseResult {
  return parseTextWith(rpmQaFormat, text, opts);
}

/** The rpm -qa format, for the package-database registry. */
export const rpmQaFormat: PackageDbFormat = {
  kind: 'rpm-qa',
  source: 'collector:rpm',
  createParser: createRpmQaParser,
};

/** A push parser for rpm -qa output; see PackageDbLineParser. Blank lines are ignored. */
export function createRpmQaParser(opts: PackageDbParseOptions): PackageDbLineParser {
  const packages: InstalledPackage[] = [];
  let lineNo = 0;
  return {
    pushLine(line) {
      lineNo += 1;
      if (line.trim() === '') return;
      const row = parseRpmQaLine(line, lineNo, opts);
      packages.push(rpmRowToInstalledPackage(row, lineNo, opts));
    },
    finish: () => ({ packages, skipped: [], warnings: [] }),
  };
}

/** Splits and checks one line; throws E_RPM_QA_INVALID naming the line. */
export function parseRpmQaLine(line: string, lineNo: number, opts: Pick<PackageDbParseOptions, 'file'>): RpmQaRow {
  const cols = line.split('\t');
  if (cols.length !== 6) throw rpmError(opts, lineNo, `expected 6 tab-separated columns (NAME EPOCH VERSION RELEASE ARCH SOURCERPM), got ${cols.length}`);
  const [name = '', epoch = '', version = '', release = '', arch = '', sourceRpm = ''] = cols;
  for (const [label, value] of [['NAME', name], ['VERSION', version], ['RELEASE', release]] as const) {
    if (value === '' || value === RPM_NONE || /\s/.test(value)) throw rpmError(opts, lineNo, `${label} is empty or invalid: ${JSON.stringify(value)}`);
  }
  if (epoch !== RPM_NONE && !/^\d+$/.test(epoch)) throw rpmError(opts, lineNo, `EPOCH must be a number or (none), got ${JSON.stringify(epoch)}`);
  return {
    name,
    epoch: epoch === RPM_NONE ? undefined : epoch,
    version,
    release,
    arch: arch === RPM_NONE || arch === '' ? undefined : arch,
    sourceRpm: sourceRpm === RPM_NONE || sourceRpm === '' ? undefined : sourceRpm,
  };
}

/** "openssl-3.0.7-27.el9.src.rpm" -> { name: "openssl", version: "3.0.7-27.el9" }; undefined if it is not NVR.src.rpm. */
export function parseSourceRpm(sourceRpm: string): { name: string; version: string } | undefined {
  const m = SOURCE_RPM.exec(sourceRpm);
  if (!m) return undefined;
  return { name: m[1] ?? '', version: `${m[2] ?? ''}-${m[3] ?? ''}` };
}

/**
 * Named mapper: a row -> InstalledPackage. The source version takes the binary's epoch (an rpm
 * Epoch is set once per spec file, for the source and all its subpackages; SOURCERPM omits it).
 */
function rpmRowToInstalledPackage(row: RpmQaRow, lineNo: number, opts: PackageDbParseOptions): InstalledPackage {
  const epochPrefix = row.epoch === undefined ? '' : `${row.epoch}:`;
  const vr = `${row.version}-${row.release}`;
  const source = row.sourceRpm === undefined ? undefined : parseSourceRpm(row.sourceRpm);
  if (row.sourceRpm !== undefined && source === undefined) {
    throw rpmError(opts, lineNo, `SOURCERPM must look like name-version-release.src.rpm, got ${JSON.stringify(row.sourceRpm)}`);
  }
  return {
    ecosystem: opts.ecosystem,
    name: row.name,
    version: `${epochPrefix}${vr}`,
    sourceName: source?.name,
    sourceVersion: source === undefined ? undefined : `${epochPrefix}${source.version}`,
    arch: row.arch,
    purl: osPackagePurl('rpm', opts.ecosystem, { name: row.name, version: vr, arch: row.arch, epoch: row.epoch }),
  };
}

function rpmError(opts: Pick<PackageDbParseOptions, 'file'>, line: number, message: string): Error {
  return invalidInput(E_RPM_QA_INVALID, message, { file: opts.file, line });
}
