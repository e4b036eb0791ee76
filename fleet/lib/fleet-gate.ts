import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { ensureBaseTarball, FleetUnavailableError } from './base-rootfs.ts';
import { fleetUnavailableReason } from './hosts.ts';

/**
 * Whether a fleet test must skip: checks the prerequisites and builds (or finds) the cached base
 * root filesystem. Skipping prints the reason; with PATCHLOOP_REQUIRE_FLEET=1 (CI) it fails instead.
 */
export async function skipWithoutFleet(t: TestContext): Promise<boolean> {
  const why = await unavailable(t);
  if (!why) return false;
  if (process.env.PATCHLOOP_REQUIRE_FLEET === '1') assert.fail(`PATCHLOOP_REQUIRE_FLEET=1 but no fleet can run here: ${why}`);
  console.log(`# fleet tests skipped: ${why}`);
  t.skip(why);
  return true;
}

/** Why no fleet can run here (prerequisites, then building the cached base), or undefined. */
async function unavailable(t: TestContext): Promise<string | undefined> {
  const why = await fleetUnavailableReason();
  if (why) return why;
  try {
    const t0 = performance.now();
    const info = await ensureBaseTarball({ log: (m) => t.diagnostic(m) });
    t.diagnostic(`base ready in ${Math.round(performance.now() - t0)} ms (built ${info.builtAt} from ${info.mirror} in ${info.buildSeconds} s)`);
    return undefined;
  } catch (err) {
    if (err instanceof FleetUnavailableError) return `cannot build the base root filesystem: ${err.message.replace(/\s*\n\s*/g, ' | ')}`;
    throw err;
  }
}
