// Throughput of several contenders measured in interleaved rounds: every round runs a batch of each contender,
// in a rotating order, so a slow moment of the machine (the other core busy, a GC, CPU frequency) lands on all
// of them alike instead of on whichever ran then. Each batch is timed twice: wall clock, and CPU time of this
// process (process.cpuUsage: user + system, every thread), which time spent waiting for a busy core does not
// inflate. The figures are the median round; the spread is min–max.
import { median } from './table.mjs';

/**
 * Runs `warmupRounds` then `rounds` rounds; in each, every contender runs `batch` operations one after another
 * (each `op()` awaited). Returns, per contender: `opsPerSecond` (wall clock, median round, with `min` and `max`)
 * and `cpuMicros` (CPU µs per operation, median round).
 */
export async function interleaved(contenders, { batch, rounds, warmupRounds = 3 }) {
  const wall = new Map(contenders.map((c) => [c.name, []]));
  const cpu = new Map(contenders.map((c) => [c.name, []]));
  for (let round = -warmupRounds; round < rounds; round++) {
    const start = ((round % contenders.length) + contenders.length) % contenders.length;
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(start + k) % contenders.length];
      const cpuBefore = process.cpuUsage();
      const began = performance.now();
      for (let i = 0; i < batch; i++) await contender.op();
      const ms = performance.now() - began;
      const used = process.cpuUsage(cpuBefore);
      if (round < 0) continue;
      wall.get(contender.name).push((batch * 1000) / ms);
      cpu.get(contender.name).push((used.user + used.system) / batch);
    }
  }
  return contenders.map(({ name }) => {
    const opsPerSecond = wall.get(name);
    return {
      name,
      opsPerSecond: median(opsPerSecond),
      min: Math.min(...opsPerSecond),
      max: Math.max(...opsPerSecond),
      cpuMicros: median(cpu.get(name)),
    };
  });
}
