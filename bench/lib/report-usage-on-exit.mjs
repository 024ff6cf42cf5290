// Preloaded with `node --import` by measure-process.mjs when GNU time is missing: on exit, writes this process's
// CPU time and peak RSS to $BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify({ cpuMs, maxRssBytes: usage.maxRSS * 1024 }));
});
