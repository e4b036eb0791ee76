import type { AffectedPackage, DistroStatus } from '@patchloop/core';
import type { TrackerRelease } from './tracker.types.js';

/** Status, ranges and note for one (package, release), or why it cannot be mapped. */
export type ReleaseVerdict = Pick<AffectedPackage, 'status' | 'ranges' | 'statusNote'> | { problem: string };

/**
 * The tracker's per-release status, as Debian's own tools read it:
 * - resolved + fixed_version "0" -> not-affected; resolved + a version -> fixed below it;
 * - open + urgency "end-of-life" -> end-of-life; open + nodsa -> no-dsa (or postponed / ignored
 *   from nodsa_reason), the nodsa text as statusNote; other open -> unfixed;
 * - undetermined -> under-investigation.
 * Open issues of urgency "unimportant" keep that in statusNote.
 *
 * @example
 * releaseVerdict({ status: 'resolved', fixed_version: '0' }); // { status: 'not-affected', ranges: [] }
 */
export function releaseVerdict(release: TrackerRelease): ReleaseVerdict {
  switch (release.status) {
    case 'resolved':
      return resolvedVerdict(release);
    case 'open':
      return openVerdict(release);
    case 'undetermined':
      return withNote({ status: 'under-investigation', ranges: [] }, urgencyNote(release));
    default:
      return { problem: `unknown status ${JSON.stringify(release.status)}` };
  }
}

function resolvedVerdict(release: TrackerRelease): ReleaseVerdict {
  const fixed = release.fixed_version;
  if (typeof fixed !== 'string' || fixed === '') return { problem: 'resolved without a fixed_version' };
  if (fixed === '0') return { status: 'not-affected', ranges: [] };
  return { status: 'fixed', ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed }] }] };
}

function openVerdict(release: TrackerRelease): ReleaseVerdict {
  if (release.urgency === 'end-of-life') return { status: 'end-of-life', ranges: [] };
  if (release.nodsa !== undefined) return withNote({ status: noDsaStatus(release.nodsa_reason), ranges: [] }, release.nodsa);
  return withNote({ status: 'unfixed', ranges: [] }, urgencyNote(release));
}

function noDsaStatus(reason: string | undefined): DistroStatus {
  if (reason === 'postponed') return 'postponed';
  if (reason === 'ignored') return 'ignored';
  return 'no-dsa';
}

function urgencyNote(release: TrackerRelease): string | undefined {
  return release.urgency === 'unimportant' ? 'urgency: unimportant' : undefined;
}

function withNote(verdict: Pick<AffectedPackage, 'status' | 'ranges'>, note: string | undefined): ReleaseVerdict {
  return note === undefined || note.trim() === '' ? verdict : { ...verdict, statusNote: note.trim() };
}
