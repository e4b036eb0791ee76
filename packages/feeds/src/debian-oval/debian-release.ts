/** Debian codenames to release numbers as OSV writes them in "Debian:<release>". */
const DEBIAN_CODENAMES: Readonly<Record<string, string>> = {
  buzz: '1.1', rex: '1.2', bo: '1.3', hamm: '2.0', slink: '2.1', potato: '2.2', woody: '3.0', sarge: '3.1',
  etch: '4', lenny: '5', squeeze: '6', wheezy: '7', jessie: '8', stretch: '9', buster: '10', bullseye: '11',
  bookworm: '12', trixie: '13', forky: '14', duke: '15',
};

/**
 * Normalize a Debian release given as a number or a codename: "12", "9.0", "bookworm" →
 * "12", "9", "12". Releases from 4 on are named by their major number; older ones keep
 * "3.1". Returns undefined for anything else.
 *
 * @example
 * debianReleaseFromName('bookworm'); // "12"
 */
export function debianReleaseFromName(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  const byCodename = DEBIAN_CODENAMES[key];
  if (byCodename !== undefined) return byCodename;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(key);
  if (!m) return undefined;
  const major = Number(m[1]);
  return major >= 4 ? String(major) : `${major}.${m[2] ?? '0'}`;
}

/**
 * The release named by an OVAL `<platform>`: "Debian GNU/Linux 12" → "12",
 * "Debian GNU/Linux bookworm" → "12". Returns undefined for other platforms.
 */
export function debianReleaseFromPlatform(platform: string): string | undefined {
  const m = /^Debian(?: GNU\/Linux)?\s+(\S+)$/i.exec(platform.trim());
  return m?.[1] === undefined ? undefined : debianReleaseFromName(m[1]);
}
