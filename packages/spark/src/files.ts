/**
 * Files for `messages.create`: a URL is sent in JSON for Webex to fetch; a local path, Blob or bytes is uploaded
 * as multipart/form-data (developer.webex.com, "Message Attachments"). Webex takes one file per message.
 */
import { ConfigurationError } from '@apiclients/core';

/** A file to send: a URL, a local path (Node entry only), a Blob, bytes, or bytes with a name and type. */
export type FileInput = string | Blob | Uint8Array | { data: Blob | Uint8Array; filename: string; contentType?: string };

/** A file ready for a multipart part. */
export interface Upload {
  blob: Blob;
  filename: string;
}

/** Whether a file is a remote URL Webex fetches itself. */
export const isRemoteUrl = (file: FileInput): file is string => typeof file === 'string' && /^https?:\/\//i.test(file);

// The types Webex renders inline; anything else is sent as bytes.
const CONTENT_TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp',
  pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', json: 'application/json', zip: 'application/zip',
  doc: 'application/msword', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint', pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  mp3: 'audio/mpeg', mp4: 'video/mp4', mov: 'video/quicktime',
};

/** The content type for a file name, by its extension. */
export function contentTypeOf(filename: string): string {
  return CONTENT_TYPES[filename.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}

function bytesBlob(data: Blob | Uint8Array, type: string): Blob {
  return data instanceof Blob ? (data.type ? data : new Blob([data], { type })) : new Blob([data as BlobPart], { type });
}

/** Reads a local path given in `files` as an upload (Node's entry reads the file system; see `read-local-file.ts`). */
export type ReadLocalFile = (path: string) => Promise<Upload>;

/**
 * A local path was given in `files` where there is no file system (the browser entry of `@apiclients/spark`).
 * Raised before any request; pass a Blob, File or Uint8Array instead.
 */
export class LocalPathNotSupportedError extends ConfigurationError {
  override name = 'LocalPathNotSupportedError';
  /** The path that was given. */
  readonly path: string;

  constructor(path: string) {
    super(
      `messages.create: cannot read the local path ${JSON.stringify(path)} without a file system: ` +
        'pass a Blob, File or Uint8Array (or { data, filename }), or an https:// URL for Webex to fetch. ' +
        "Paths are read only when @apiclients/spark is imported in Node (its 'node' export).",
    );
    this.path = path;
  }
}

/** The browser entry's reader: a path is refused before any request, naming what to pass instead. */
export const refuseLocalPath: ReadLocalFile = (path) => Promise.reject(new LocalPathNotSupportedError(path));

/** A local path, Blob or bytes as an upload with a file name and content type. */
export async function toUpload(file: FileInput, readLocalFile: ReadLocalFile): Promise<Upload> {
  if (typeof file === 'string') return readLocalFile(file);
  if (file instanceof Blob) {
    const filename = (file as Blob & { name?: string }).name ?? 'file';
    return { blob: bytesBlob(file, contentTypeOf(filename)), filename };
  }
  if (file instanceof Uint8Array) return { blob: bytesBlob(file, 'application/octet-stream'), filename: 'file' };
  if (file && typeof file === 'object' && 'data' in file && typeof file.filename === 'string') {
    return { blob: bytesBlob(file.data, file.contentType ?? contentTypeOf(file.filename)), filename: file.filename };
  }
  throw new ConfigurationError('messages.create: "files" must be a URL, a local path, a Blob, bytes, or { data, filename }');
}
