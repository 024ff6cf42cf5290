#!/usr/bin/env node
// Benchmark (prints figures): what a client's redaction costs after many calls that each carry a secret of their own
// (a per-call token, a credential header, a password in the body), as a server sending each request with its user's
// token makes them. "Kept by the client" is how core did it before `Redactor.with`: every call's secret added to the
// client's redactor for its lifetime. "Scoped to the call" is what the transport does now: each call redacts through a
// copy with its own secrets, and the client's stays as it was made. Run: npm run bench -- redaction
import { Redactor } from '@apiclients/core';
import { markdownTable, ratioToFastest } from './lib/table.mjs';

const CALLS = [0, 1_000, 10_000];
const ROUNDS = 300;
// An error body as a server echoes it: 2 kB of text with a credential-shaped word in it.
const body = `${'lorem ipsum '.repeat(170)} you sent Bearer abc123def`;

/** Median ms of one `redactor.text(body)`, over ROUNDS redactions. */
function msPerRedaction(redactor) {
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    redactor.text(body);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[times.length >> 1];
}

const rows = [];
for (const calls of CALLS) {
  const kept = new Redactor(['client_token_0123456789']);
  const client = new Redactor(['client_token_0123456789']);
  let lastScoped = client;
  for (let i = 0; i < calls; i++) {
    kept.add(`per_call_token_${i}_abcdef`);
    lastScoped = client.with([`per_call_token_${i}_abcdef`]);
  }
  const keptMs = msPerRedaction(kept);
  const scopedMs = msPerRedaction(lastScoped);
  const fastest = Math.min(keptMs, scopedMs);
  rows.push([calls.toLocaleString('en-US'), 'kept by the client (before)', keptMs.toFixed(3), ratioToFastest(keptMs, fastest)]);
  rows.push([calls.toLocaleString('en-US'), 'scoped to the call (now)', scopedMs.toFixed(3), ratioToFastest(scopedMs, fastest)]);
}
console.log(`One redaction of a 2 kB error body (median of ${ROUNDS}), after N calls each with a secret of its own.\n`);
console.log(markdownTable([{ title: 'calls before', align: 'right' }, { title: 'secrets', align: 'left' }, { title: 'ms per redaction', align: 'right' }, { title: '', align: 'left' }], rows));
