/**
 * Node only: reads a local path given in `messages.create({ files })`. Imported by the package's
 * `node` export (src/node.ts) and never by the browser entry, so browser bundles carry no `node:fs`.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ConfigurationError } from '@apiclients/core';
import { contentTypeOf, type ReadLocalFile } from './files.js';

/** The file at `path` as an upload named after its base name, typed by its extension. */
export const readLocalFile: ReadLocalFile = async (path) => {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new ConfigurationError(`messages.create: cannot read the file in "files" ${JSON.stringify(path)}: ${(error as Error).message}`);
  }
  const filename = basename(path);
  return { blob: new Blob([bytes as BlobPart], { type: contentTypeOf(filename) }), filename };
};
