import type { StoreMigration } from './migration.js';
import * as initialInventory from './20261126T2100-initial-inventory.js';
import * as findings from './20261126T2130-findings.js';
import * as feeds from './20261126T2200-feeds.js';
import * as inventoryHash from './20261126T2230-inventory-hash.js';
import * as policy from './20261126T2300-policy.js';
import * as agentsJobs from './20261126T2330-agents-jobs.js';
import * as agentCheckIn from './20261127T0100-agent-checkin.js';
import * as advisoryMatchDocs from './20261127T0200-advisory-match-docs.js';
import * as softwareKeyHash from './20261127T0300-software-key-hash.js';
import * as softwareIndexes from './20261127T0400-software-indexes.js';

/**
 * Every migration, in order. Names are timestamp + intent; the list is explicit (no directory
 * scanning), so the build output and the source agree on what runs.
 */
export const migrations: Record<string, StoreMigration> = {
  '20261126T2100-initial-inventory': initialInventory,
  '20261126T2130-findings': findings,
  '20261126T2200-feeds': feeds,
  '20261126T2230-inventory-hash': inventoryHash,
  '20261126T2300-policy': policy,
  '20261126T2330-agents-jobs': agentsJobs,
  '20261127T0100-agent-checkin': agentCheckIn,
  '20261127T0200-advisory-match-docs': advisoryMatchDocs,
  '20261127T0300-software-key-hash': softwareKeyHash,
  '20261127T0400-software-indexes': softwareIndexes,
};
