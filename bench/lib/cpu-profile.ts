import { readFileSync } from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

/** Where a sample's time goes: the first rule (leaf first up the stack) that matches a frame. */
export interface ProfileBucket { name: string; test: (frame: { functionName: string; url: string }) => boolean }

/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): total ms, and per bucket the ms of samples
 * whose stack (from the leaf up) first meets a frame of that bucket; also inclusive ms of the
 * named functions (a sample counts once per function however deep it recurses).
 */
export function summarizeCpuProfile(path: string, buckets: readonly ProfileBucket[], functions: readonly string[]): { totalMs: number; buckets: Record<string, number>; inclusive: Record<string, number> } {
  const p = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out: Record<string, number> = {};
  const inclusive: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(functions.map((f) => [f, 0])));
  p.samples.forEach((id, i) => {
    const ms = (p.timeDeltas[i] ?? 0) / 1000;
    const stack: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.push(byId.get(cur)!);
    const bucket = firstBucket(stack, buckets);
    out[bucket] = (out[bucket] ?? 0) + ms;
    for (const f of new Set(stack.map((s) => s.callFrame.functionName))) if (f in inclusive) inclusive[f]! += ms;
  });
  return { totalMs: (p.endTime - p.startTime) / 1000, buckets: out, inclusive };
}

function firstBucket(stack: readonly ProfileNode[], buckets: readonly ProfileBucket[]): string {
  for (const frame of stack) for (const b of buckets) if (b.test(frame.callFrame)) return b.name;
  return stack[0]?.callFrame.functionName === '(garbage collector)' ? 'gc' : stack[0]?.callFrame.functionName === '(idle)' ? 'idle' : 'other';
}
