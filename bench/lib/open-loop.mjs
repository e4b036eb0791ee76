// An open-loop load for bench/checkin: requests start at Poisson arrival times (mean `rate` per
// second, seeded, so every run offers the same schedule) whatever the answers' latency, each on a
// free keep-alive connection (node:http, up to 256). Latency runs from the scheduled start to the
// end of the answer, so a client or server falling behind shows up in it instead of being hidden
// (no coordinated omission). autocannon's overallRate is not used: it paces each connection on its
// own timer, which sends the connections' requests in bursts.
import http from 'node:http';
// The seeded generator the oracle tests use (built by `tsc -b`, which bench:checkin runs first).
import { mulberry32 } from '../../packages/core/dist/testing/seeded-random.js';

/** Runs the load; `pick(n)` gives request n's headers and body. */
export async function openLoop({ url, method, path, seconds, rate, seed = 1, pick }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(path, url);
  const random = mulberry32(seed);
  const latencies = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const pending = [];
  let n = 0;
  for (let at = start; ; at += (-Math.log(1 - random()) / rate) * 1000) {
    if (at >= end) break;
    const wait = at - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const { headers, body } = pick(n++);
    pending.push(send(agent, target, method, headers, body).then((ok) => {
      latencies.push(performance.now() - at);
      if (!ok) errors++;
    }));
  }
  await Promise.all(pending);
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
  return { perSecond: Math.round(latencies.length / seconds), p50Ms: q(0.5), p99Ms: q(0.99), errors, requests: latencies.length };
}

function send(agent, target, method, headers, body) {
  return new Promise((resolve) => {
    const req = http.request(target, { method, agent, headers: { ...headers, ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode >= 200 && res.statusCode < 300));
    });
    req.on('error', () => resolve(false));
    req.end(body);
  });
}
