// Load generator for bench/checkin, in a worker thread: requests round-robin, fixed concurrency,
// for a fixed time; posts {perSecond, p50Ms, p99Ms, errors} back.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const { requests, seconds, concurrency } = workerData;
const lat = [];
let errors = 0;
let i = 0;
const end = performance.now() + seconds * 1000;
async function loop() {
  while (performance.now() < end) {
    const r = requests[i++ % requests.length];
    const t = performance.now();
    const res = await fetch(r.url, r.body ? { method: 'POST', headers: r.headers, body: r.body } : { headers: r.headers });
    await res.arrayBuffer();
    if (!res.ok) errors++;
    lat.push(performance.now() - t);
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: concurrency }, loop));
lat.sort((a, b) => a - b);
const q = (p) => Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] * 100) / 100;
parentPort.postMessage({ perSecond: Math.round(lat.length / ((performance.now() - t0) / 1000)), p50Ms: q(0.5), p99Ms: q(0.99), errors });
