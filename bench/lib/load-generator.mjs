// Load generator for bench/checkin, in a child process (its own event loop, the second core):
// autocannon (raw sockets, keep-alive) with a fixed number of connections, one request in flight
// on each, for a fixed time or a fixed number of requests.
// Reads {url, method, path, headers[], bodies[], seconds | amount, concurrency, rate?} as its first
// IPC message. With `rate`, the load is open instead (open-loop.mjs): requests start at Poisson
// arrival times, `rate` per second on average, whatever the answers' latency.
// Request n goes as agent i = n mod headers.length, in round r = floor(n / headers.length),
// with body (i + r) mod bodies.length: concurrent requests belong to different agents, and an agent's
// consecutive requests carry different bodies whenever there are two or more.
// Answers {perSecond, p50Ms, p99Ms, errors, requests} (whole ms: autocannon's histogram, or open-loop.mjs's).
import autocannon from 'autocannon';
import { openLoop } from './open-loop.mjs';

const { url, method, path, headers, bodies, seconds, amount, concurrency, rate } = await new Promise((resolve) => process.once('message', resolve));
let n = 0;
function next(req) {
  const i = n % headers.length;
  const r = Math.floor(n / headers.length);
  n++;
  const body = bodies.length ? bodies[(i + r) % bodies.length] : undefined;
  return { ...req, method, path, headers: headers[i], ...(body !== undefined ? { body } : {}) };
}
if (rate) {
  const r = await openLoop({ url, method, path, seconds, rate, pick: () => next({}) });
  process.send(r, () => process.disconnect());
} else {
  const result = await autocannon({
    url,
    connections: concurrency,
    pipelining: 1,
    ...(amount ? { amount } : { duration: seconds }),
    requests: [{ setupRequest: next }],
  });
  const errors = result.errors + result.timeouts + result.non2xx;
  const perSecond = Math.round(result.requests.total / (result.duration || seconds));
  process.send({ perSecond, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors, requests: result.requests.total }, () => process.disconnect());
}
