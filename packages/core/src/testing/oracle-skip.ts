import type { TestContext } from 'node:test';

/**
 * Skips an oracle test whose real tool is missing, printing why. Under CI
 * (PATCHLOOP_REQUIRE_ORACLES=1) a missing tool fails the test instead: CI installs them all.
 */
export function skipOracle(t: TestContext, reason: string): void {
  if (process.env.PATCHLOOP_REQUIRE_ORACLES === '1') {
    throw new Error(`PATCHLOOP_REQUIRE_ORACLES=1 but the oracle cannot run: ${reason}`);
  }
  t.skip(reason);
}
