// Child process of sqlite.job-lease.multiprocess.test.ts: opens the same SQLite file as its
// siblings, waits for "go", leases jobs of one asset until none is left, and reports the ids.
import { openStore } from '../store.js';

const [path, agentId, assetId] = process.argv.slice(2) as [string, string, string];
const store = await openStore({ sqlitePath: path });
process.send!('ready');
await new Promise((resolve) => process.once('message', resolve));
const leased: string[] = [];
for (;;) {
  const job = await store.jobs.leaseNextJob(agentId, assetId, 600, new Date().toISOString());
  if (!job) break;
  leased.push(job.id);
}
await store.close();
process.send!(leased, () => process.disconnect());
