import type { OvalDocument } from '../debian-oval/oval.types.js';

/**
 * Canonical's USN OVAL metadata extension (`<advisory from="security@ubuntu.com">`), per definition:
 * ```xml
 * <advisory from="security@ubuntu.com"><severity>Low</severity><issued date="2024-07-31"/>
 *   <cve href="…" priority="low" public="20240408" cvss_vector="CVSS:3.1/…" usns="6937-1">CVE-2024-2511</cve>
 *   <bug>https://launchpad.net/bugs/2054090</bug></advisory>
 * ```
 */
export interface UbuntuAdvisoryMetadata {
  /** "Low", "Medium", "High", "Critical", "None" … as written. */
  severity?: string;
  /** `<issued date>`, YYYY-MM-DD. */
  issued?: string;
  cves: UbuntuCveMetadata[];
  bugs: string[];
}

export interface UbuntuCveMetadata {
  id: string;
  priority?: string;
  cvssVector?: string;
  href?: string;
}

/**
 * A parsed USN OVAL file: the generic OVAL structure (definitions, criteria, tests, objects,
 * states, variables), read by the Debian OVAL collector, plus the Ubuntu metadata by definition id.
 */
export interface UbuntuOvalDocument {
  oval: OvalDocument;
  metadata: ReadonlyMap<string, UbuntuAdvisoryMetadata>;
}
