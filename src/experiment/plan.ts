/**
 * The run plan: which (design point, replicate) pairs an output folder holds,
 * in the order their rows appear. The base segment is every point × the
 * experiment's replicates, point-major (all replicates of point 1, then of
 * point 2, …); `summarize --target-ci` appends segments of extra replicates
 * for the points that need them. run_id is the 1-based position in the plan,
 * so it is stable under resumption, sharding and merging. A shard K/N holds
 * the runs whose position i (0-based) has i mod N = K − 1.
 * Pure; imports nothing outside src/experiment.
 */

export interface GridSegment {
  kind: 'grid';
  points: number;
  /** Replicates from (inclusive) … to (exclusive). */
  from: number;
  to: number;
}

export interface ListSegment {
  kind: 'list';
  /** Extra replicates per point, in point order. */
  items: { point: number; from: number; to: number }[];
}

export type PlanSegment = GridSegment | ListSegment;

export interface PlannedRun {
  /** 1-based position in the plan. */
  runId: number;
  /** 0-based design point. */
  point: number;
  /** 0-based replicate number. */
  replicate: number;
}

export interface Shard {
  index: number;
  count: number;
}

export function segmentSize(s: PlanSegment): number {
  if (s.kind === 'grid') return s.points * (s.to - s.from);
  return s.items.reduce((n, it) => n + (it.to - it.from), 0);
}

export function planSize(plan: readonly PlanSegment[]): number {
  return plan.reduce((n, s) => n + segmentSize(s), 0);
}

export function basePlan(points: number, replications: number): PlanSegment[] {
  return [{ kind: 'grid', points, from: 0, to: replications }];
}

/** Every run of the plan in order, without building a list (plans can hold millions of runs). */
export function* planRuns(plan: readonly PlanSegment[], from = 0): Generator<PlannedRun> {
  let offset = 0;
  for (const s of plan) {
    const size = segmentSize(s);
    if (from >= offset + size) {
      offset += size;
      continue;
    }
    if (s.kind === 'grid') {
      const reps = s.to - s.from;
      for (let i = Math.max(0, from - offset); i < size; i++) yield { runId: offset + i + 1, point: Math.floor(i / reps), replicate: s.from + (i % reps) };
    } else {
      let i = 0;
      for (const it of s.items) {
        for (let r = it.from; r < it.to; r++, i++) if (offset + i >= from) yield { runId: offset + i + 1, point: it.point, replicate: r };
      }
    }
    offset += size;
  }
}

/** The runs of one shard, in plan order; `skip` leaves out that many of the shard's first runs (already done). */
export function* shardRuns(plan: readonly PlanSegment[], shard: Shard | null, skip = 0): Generator<PlannedRun> {
  let seen = 0;
  for (const run of planRuns(plan)) {
    if (shard && (run.runId - 1) % shard.count !== shard.index - 1) continue;
    if (seen++ < skip) continue;
    yield run;
  }
}

export function shardSize(plan: readonly PlanSegment[], shard: Shard | null): number {
  const n = planSize(plan);
  if (!shard) return n;
  const k = shard.index - 1;
  return n > k ? Math.floor((n - 1 - k) / shard.count) + 1 : 0;
}

/** Parses `K/N` (1 ≤ K ≤ N). */
export function parseShard(text: string): Shard | null {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count || count > 100_000) return null;
  return { index, count };
}

/** Replicates each point has in the plan (for growing it). */
export function replicatesPerPoint(plan: readonly PlanSegment[], points: number): Int32Array {
  const n = new Int32Array(points);
  for (const s of plan) {
    if (s.kind === 'grid') for (let p = 0; p < Math.min(points, s.points); p++) n[p] = Math.max(n[p]!, s.to);
    else for (const it of s.items) n[it.point] = Math.max(n[it.point]!, it.to);
  }
  return n;
}
