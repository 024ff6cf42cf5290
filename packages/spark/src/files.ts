/**
 * Files for `messages.create`: a URL is sent in JSON for Webex to fetch; a local path, Blob or bytes is uploaded
 * as multipart/form-data (developer.webex.com, "Message Attachments"). Webex takes one file per message.
 */
import { ConfigurationError } from '@apiclients/core';

/** A file to send: a URL, a local path (Node), a Blob, bytes, or bytes with a name and type. */
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

/** A local file, Blob or bytes as an upload with a file name and content type. */
export async function toUpload(file: Exclude<FileInput, never>): Promise<Upload> {
  if (typeof file === 'string') {
    // A local path: Node only, loaded on demand so that browser bundles never pull node:fs in.
    const [{ readFile }, { basename }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      throw new ConfigurationError(`messages.create: cannot read the file in "files" ${JSON.stringify(file)}: ${(error as Error).message}`);
    }
    const filename = basename(file);
    return { blob: new Blob([bytes as BlobPart], { type: contentTypeOf(filename) }), filename };
  }
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
