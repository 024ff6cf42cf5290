#!/usr/bin/env node
/**
 * vspark-status <host:port> <json|csv> [--out DIR] [--concurrency N] [--token-file FILE] [--quiet]
 * Writes CO-ORG-FOLDER-status.<format> for every folder of a V-Spark installation; the root token comes from
 * VSPARK_TOKEN or --token-file (the original export program's positional token still works, with a warning: `ps` shows it).
 * Node-only: the package's main entry stays free of file-system code.
 */
import { isWholeNumber } from '@apiclients/core/internal';
import { readFileSync, realpathSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ApiClientError, AuthenticationError, ConnectionError, PermissionDeniedError, type FetchLike } from '@apiclients/core';
import { VSparkClient } from './client.js';
import { exportStatus, type ExportProgress } from './export-status.js';
import { printable } from './printable.js';
import { writeFileAtomic } from './write-file-atomic.js';

const USAGE = 'Usage: vspark-status <host:port> <json|csv> [--out DIR] [--concurrency N] [--token-file FILE] [--quiet]';

const HELP = `${USAGE}

Writes CO-ORG-FOLDER-status.<json|csv> for every folder of a V-Spark installation, each read with its company's
token; CSV byte for byte as served, JSON with sorted keys.

Options:
  --out DIR          where the files go (default: the current folder; created only when a file is written)
  --concurrency N    folders exported at once (default 4)
  --token-file FILE  read the root token from FILE instead of VSPARK_TOKEN
  --quiet            print the summary only, not one line per file
  -h, --help         this help
  --version          the version of @apiclients/vspark

Environment:
  VSPARK_TOKEN       the installation's root token (/opt/voci/state/vspark/apitoken); never printed

The original export program's form, vspark-status <host:port> <token> <json|csv>, still works, with a warning: a token in the
arguments is visible to other users in \`ps\` and stays in the shell's history.

Exit codes:
  0  every folder exported
  1  some folder, or the export, failed (the others are still written)
  2  bad usage
  70 an unexpected failure`;

// Past this many folders, a terminal gets a progress line and the summary instead of a line per file.
const LINES_ON_A_TERMINAL = 20;

/** Where the CLI writes and what it reads; injectable for tests. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  fetch?: FetchLike;
  /** The environment (default `process.env`). */
  env?: Record<string, string | undefined>;
}

/** The package's version, from its package.json (one folder up from src/ and dist/ alike). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
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
        'token-file': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    io.stderr.write(`vspark-status: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (parsed.values.help) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (parsed.values.version) {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  // <host> <format>, the token from the environment or a file; or the original export program's <host> <token> <format>.
  const legacy = parsed.positionals.length === 3;
  const [host, positionalToken, format] = legacy ? parsed.positionals : [parsed.positionals[0], undefined, parsed.positionals[1]];
  let token = positionalToken;
  const tokenFile = parsed.values['token-file'];
  if (!legacy && tokenFile !== undefined) {
    try {
      token = (await readFile(tokenFile, 'utf8')).trim();
    } catch (error) {
      io.stderr.write(`vspark-status: cannot read --token-file ${printable(tokenFile)}: ${printable((error as Error).message)}\n`);
      return 2;
    }
  } else if (!legacy) {
    token = (io.env ?? process.env).VSPARK_TOKEN;
  }
  const concurrency = Number(parsed.values.concurrency);
  const problem =
    parsed.positionals.length !== 2 && !legacy ? 'expected <host:port> and <json|csv>'
    : format !== 'json' && format !== 'csv' ? `format must be json or csv, not ${JSON.stringify(format)}`
    : !token ? 'no token: set VSPARK_TOKEN or pass --token-file FILE'
    : !isWholeNumber(concurrency, 1) ? `--concurrency must be a whole number ≥ 1`
    : undefined;
  if (problem || !host || !token || (format !== 'json' && format !== 'csv')) {
    io.stderr.write(`vspark-status: ${problem}\n${USAGE}\n`);
    return 2;
  }
  if (legacy) io.stderr.write('vspark-status: warning: a token given as an argument is visible in `ps` and the shell history; use VSPARK_TOKEN or --token-file\n');

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
    // The folder is made when the first file is ready: an export that fails before leaves nothing behind.
    let made: Promise<unknown> | undefined;
    const result = await exportStatus({
      client,
      format,
      concurrency,
      onProgress,
      // Temporary file, then rename: an interrupted export never leaves a half-written file.
      write: async (fileName, bytes) => {
        await (made ??= mkdir(outDir, { recursive: true }));
        await writeFileAtomic(join(outDir, fileName), bytes);
      },
    });
    if (progressOnTty && result.total > 0) io.stderr.write('\r\u001b[K');
    const eachFile = !parsed.values.quiet && !(io.stdout.isTTY === true && result.written.length > LINES_ON_A_TERMINAL);
    if (eachFile) for (const file of result.written) io.stdout.write(`wrote ${printable(join(outDir, file))}\n`);
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
