// Preloaded into each Prism that startMockServer starts (`node --require exit-with-parent.cjs prism …`). Prism's
// stdin is a pipe from the test process; it reaches end-of-file however that process ends, even on SIGKILL when no
// `exit` handler runs, and then Prism exits too. Prism never reads stdin, so the pipe serves only this purpose.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
