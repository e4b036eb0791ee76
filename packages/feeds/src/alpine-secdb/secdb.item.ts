/**
 * One secfixes list item, split: `"CVE-2017-2887 TALOS-2017-0394"` -> ids ["CVE-2017-2887"],
 * aliases ["TALOS-2017-0394"]; `"CVE-2020-11740 CVE-2020-11741 XSA-313"` -> two ids sharing
 * the alias; `"CVE-2020-14342 (not actually applicable)"` -> a note.
 */
export type SecdbItem = { ids: string[]; aliases: string[]; note?: string } | { malformed: string };

const CVE = /^CVE-\d{4}-\d{4,}$/;
/** Other advisory ids seen in secdb: XSA-207, GHSA-xxxx-xxxx-xxxx, RUSTSEC-2020-0001, ZDI-CAN-1234, ALPINE-14094, wnpa-sec-2017-18, VSV00010. */
const OTHER_ID = /^(?:[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+|[A-Z]{2,}\d{3,})$/;
/** A CVE not assigned yet: `CVE-????-?????`, `CVE-2022-?????` (the item's other id stands alone). */
const PLACEHOLDER_CVE = /^CVE-[\d?]{4}-[\d?]+$/;
/** Starts like a CVE id but is not one: CVE_2019-2426, CVE-46838, CVE-2021-35940.patch, CVE-2017-17434-1. */
const BROKEN_CVE = /^CVE[-_]/i;

/**
 * Splits an item on whitespace. CVE placeholders with "?" are dropped. Well-formed CVE ids are the item's ids; other advisory ids
 * are aliases (or the id, when the item names no CVE); remaining words are a free-text note.
 * A token that starts like a CVE id but is not one makes the item malformed.
 *
 * @example
 * splitSecdbItem('CVE-2017-2887 TALOS-2017-0394'); // { ids: ['CVE-2017-2887'], aliases: ['TALOS-2017-0394'] }
 * splitSecdbItem('CVE_2019-2426'); // { malformed: 'CVE_2019-2426' }
 */
export function splitSecdbItem(item: string): SecdbItem {
  const tokens = item.trim().split(/\s+/).filter((t) => t !== '' && !(PLACEHOLDER_CVE.test(t) && t.includes('?')));
  const broken = tokens.find((t) => BROKEN_CVE.test(t) && !CVE.test(t));
  if (broken !== undefined) return { malformed: broken };
  const cves = tokens.filter((t) => CVE.test(t));
  const others = tokens.filter((t) => !CVE.test(t) && OTHER_ID.test(t));
  const words = tokens.filter((t) => !CVE.test(t) && !OTHER_ID.test(t));
  const [firstOther, ...restOthers] = others;
  if (cves.length === 0 && firstOther === undefined) return { malformed: item.trim() === '' ? '(empty)' : item.trim() };
  const ids = cves.length > 0 ? cves : [firstOther as string];
  const aliases = cves.length > 0 ? others : restOthers;
  return words.length > 0 ? { ids, aliases, note: words.join(' ') } : { ids, aliases };
}
