// The loopback benches' driver: `count` calls of `op`, `inFlight` at a time.

/** Resolves to the elapsed ms of `count` calls of `op`, `inFlight` at a time. */
export async function runMany(op, count, inFlight) {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await op();
    }
  };
  const began = performance.now();
  await Promise.all(Array.from({ length: inFlight }, worker));
  return performance.now() - began;
}
