#!/usr/bin/env node
/**
 * vspark-status <host:port> <token> <json|csv> [--out DIR] [--concurrency N]
 * Writes CO-ORG-FOLDER-status.<format> for every folder of a V-Spark installation.
 * Node-only: the package's main entry stays free of file-system code.
 */
import { realpathSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ApiClientError, AuthenticationError, ConnectionError, PermissionDeniedError, type FetchLike } from '@apiclients/core';
import { VSparkClient } from './client.js';
import { exportStatus, type ExportProgress } from './export-status.js';
import { printable } from './printable.js';
import { writeFileAtomic } from './write-file-atomic.js';

const USAGE = 'Usage: vspark-status <host:port> <token> <json|csv> [--out DIR] [--concurrency N]';

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  fetch?: FetchLike;
}

/** Runs the CLI; resolves to the exit code. */
export async function main(argv: string[], io: CliIo = process): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', default: '.' },
        concurrency: { type: 'string', default: '4' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr.write(`vspark-status: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [host, token, format] = parsed.positionals;
  const concurrency = Number(parsed.values.concurrency);
  const problem =
    parsed.positionals.length !== 3 ? 'expected three arguments'
    : format !== 'json' && format !== 'csv' ? `format must be json or csv, not ${JSON.stringify(format)}`
    : !Number.isInteger(concurrency) || concurrency < 1 ? `--concurrency must be a whole number ≥ 1`
    : undefined;
  if (problem || !host || !token || (format !== 'json' && format !== 'csv')) {
    io.stderr.write(`vspark-status: ${problem}\n${USAGE}\n`);
    return 2;
  }

  const outDir = resolve(parsed.values.out);
  const progressOnTty = io.stderr.isTTY === true;
  const onProgress = (p: ExportProgress) => {
    // Names and messages come from the server: escaped, so that no escape sequence reaches the terminal.
    const name = printable(`${p.folder.company}-${p.folder.org}-${p.folder.folder}`);
    if (progressOnTty) io.stderr.write(`\r\u001b[K[${p.done}/${p.total}] ${p.error ? 'failed' : 'wrote'} ${name}`);
    if (p.error) io.stderr.write(`${progressOnTty ? '\n' : ''}failed: ${name}: ${printable(p.error.message)}\n`);
  };
  try {
    const client = new VSparkClient({ host, token, ...(io.fetch ? { fetch: io.fetch } : {}) });
    await mkdir(outDir, { recursive: true });
    const result = await exportStatus({
      client,
      format,
      concurrency,
      onProgress,
      // Temporary file, then rename: an interrupted export never leaves a half-written file.
      write: (fileName, bytes) => writeFileAtomic(join(outDir, fileName), bytes),
    });
    if (progressOnTty && result.total > 0) io.stderr.write('\r\u001b[K');
    for (const file of result.written) io.stdout.write(`wrote ${printable(join(outDir, file))}\n`);
    // One file per folder exported: the count is the number of files written.
    io.stdout.write(
      `${result.written.length} of ${result.total} folders exported to ${printable(outDir)}` +
        (result.failed.length ? `; ${result.failed.length} failed` : '') + '\n',
    );
    return result.failed.length ? 1 : 0;
  } catch (error) {
    io.stderr.write(`vspark-status: ${printable(explain(error, host))}\n`);
    return error instanceof ApiClientError ? 1 : 70;
  }
}

// One clear line per failure that stops the whole export; messages are already redacted.
function explain(error: unknown, host: string): string {
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError) {
    return `${host} refused the token (${error.status}). Pass the installation's root token (/opt/voci/state/vspark/apitoken).`;
  }
  if (error instanceof ConnectionError) return `cannot reach ${host}: ${error.message}`;
  if (error instanceof ApiClientError) return error.message;
  return `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
}

// Run when executed (directly or through the bin symlink), not when imported by a test.
const entry = process.argv[1];
if (entry && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
