/**
 * Voci's original /status export program, done properly: every folder's status fetched with its company's token,
 * several at a time, each written through a sink; one folder failing does not stop the others.
 * File-system free, so it runs anywhere; the CLI gives it a sink that writes files.
 */
import { wholeNumber } from '@apiclients/core/internal';
import { ConfigurationError, InvalidResponseError } from '@apiclients/core';
import type { StatusFormat, VSparkClient } from './client.js';
import { uniqueFileNames } from './file-names.js';
import type { FolderRef } from './walk.js';

/** A folder, without its token. */
export type FolderName = Omit<FolderRef, 'token'>;

/** A folder whose status could not be exported. */
export interface FolderFailure extends FolderName {
  /** The (redacted) reason. */
  error: Error;
}

/** What happened after each folder. */
export interface ExportProgress {
  folder: FolderName;
  /** The file written, when it worked. */
  fileName?: string;
  /** The failure, when it did not. */
  error?: Error;
  /** Folders finished so far, including this one. */
  done: number;
  /** Folders in all. */
  total: number;
}

/** Options of {@link exportStatus}. */
export interface ExportStatusOptions {
  /** A client holding the root token. */
  client: VSparkClient;
  /** `json` (pretty-printed with sorted keys, as the original export program writes it) or `csv` (byte for byte as served). */
  format: StatusFormat;
  /** Folders fetched at once (default 4). */
  concurrency?: number;
  /** Stores one file's bytes under its name. */
  write: (fileName: string, bytes: Uint8Array) => Promise<void>;
  /** Called after each folder. */
  onProgress?: (progress: ExportProgress) => void;
  /** Aborts the export. */
  signal?: AbortSignal;
}

/** The outcome of an export. */
export interface ExportStatusResult {
  /** File names written, in hierarchy order: one per folder exported, never two alike. */
  written: string[];
  /** Folders that failed, in hierarchy order. */
  failed: FolderFailure[];
  /** Folders found. */
  total: number;
}

// The status as JSON; a body that is not is an InvalidResponseError that quotes none of it (the parser's own
// message would quote the start of the body).
function parsedStatus(bytes: Uint8Array, folder: FolderName): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    throw new InvalidResponseError(`The status of ${folder.company}/${folder.org}/${folder.folder} is not valid JSON`, 200);
  }
}

/** Key-sorted, 4-space JSON: what the original export program's `json.dumps(..., indent=4, sort_keys=True)` writes. */
function sortedJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    4,
  );
}

/** Exports every folder's status. Throws only when the hierarchy itself cannot be read (wrong token, no server). */
export async function exportStatus(options: ExportStatusOptions): Promise<ExportStatusResult> {
  const { client, format, write, onProgress, signal } = options;
  const concurrency = options.concurrency ?? 4;
  wholeNumber('concurrency', concurrency, 1);
  if (format !== 'json' && format !== 'csv') throw new ConfigurationError(`format must be "json" or "csv", got ${JSON.stringify(format)}`);

  const folders: FolderRef[] = [];
  for await (const ref of client.walk(signal ? { signal } : {})) folders.push(ref);

  // Decided before any write: two folders never share a file (nor write one concurrently).
  const fileNames = uniqueFileNames(folders, format);
  const outcomes: ({ fileName: string } | { error: Error })[] = new Array(folders.length);
  let next = 0;
  let done = 0;
  const exportOne = async (ref: FolderRef, fileName: string): Promise<{ fileName: string } | { error: Error }> => {
    const { token, ...name } = ref;
    try {
      const bytes = await client.folderStatusBytes(name, { format, token, ...(signal ? { signal } : {}) });
      const body = format === 'json' ? new TextEncoder().encode(sortedJson(parsedStatus(bytes, name))) : bytes;
      await write(fileName, body);
      return { fileName };
    } catch (error) {
      if (signal?.aborted) throw error;
      return { error: error instanceof Error ? error : new Error(String(error)) };
    }
  };
  const worker = async () => {
    while (next < folders.length) {
      const index = next++;
      const ref = folders[index] as FolderRef;
      const outcome = await exportOne(ref, fileNames[index] as string);
      outcomes[index] = outcome;
      done++;
      const { token: _token, ...folder } = ref;
      onProgress?.({ folder, ...outcome, done, total: folders.length });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, folders.length) }, worker));

  const result: ExportStatusResult = { written: [], failed: [], total: folders.length };
  outcomes.forEach((outcome, index) => {
    const { token: _token, ...folder } = folders[index] as FolderRef;
    if ('fileName' in outcome) result.written.push(outcome.fileName);
    else result.failed.push({ ...folder, error: outcome.error });
  });
  return result;
}
