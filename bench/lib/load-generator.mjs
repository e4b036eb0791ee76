// Load generator for bench/checkin, in a child process (its own event loop, the second core):
// autocannon (raw sockets, keep-alive) with a fixed number of connections, one request in flight
// on each, for a fixed time or a fixed number of requests.
// Reads {url, method, path, headers[], bodies[], seconds | amount, concurrency, rate?} as its first
// IPC message. With `rate`, requests start at that many per second in all (autocannon's
// overallRate) whatever the answers' latency, as long as a connection is free: an offered load. Request n goes as agent i = n mod headers.length, in round r = floor(n / headers.length),
// with body (i + r) mod bodies.length: concurrent requests belong to different agents, and an agent's
// consecutive requests carry different bodies whenever there are two or more.
// Answers {perSecond, p50Ms, p99Ms, errors, requests} (latency from autocannon's histogram, whole ms).
import autocannon from 'autocannon';

const { url, method, path, headers, bodies, seconds, amount, concurrency, rate } = await new Promise((resolve) => process.once('message', resolve));
let n = 0;
function next(req) {
  const i = n % headers.length;
  const r = Math.floor(n / headers.length);
  n++;
  const body = bodies.length ? bodies[(i + r) % bodies.length] : undefined;
  return { ...req, method, path, headers: headers[i], ...(body !== undefined ? { body } : {}) };
}
const result = await autocannon({
  url,
  connections: concurrency,
  pipelining: 1,
  ...(rate ? { overallRate: rate } : {}),
  ...(amount ? { amount } : { duration: seconds }),
  requests: [{ setupRequest: next }],
});
const errors = result.errors + result.timeouts + result.non2xx;
const perSecond = Math.round(result.requests.total / (result.duration || seconds));
process.send({ perSecond, p50Ms: result.latency.p50, p99Ms: result.latency.p99, errors, requests: result.requests.total }, () => process.disconnect());
