// Preloaded into each Prism we start (`node --require exit-with-parent.cjs prism …`): its stdin is a pipe from the
// parent, which reaches end-of-file however the parent ends, SIGKILL included, when no `exit` handler runs.
// Prism never reads stdin, so the pipe serves only this purpose.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
