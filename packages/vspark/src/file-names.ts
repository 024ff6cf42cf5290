/**
 * File names for server-chosen folder names: safe on POSIX and Windows, and one per folder, never shared.
 * Windows rules: "Naming Files, Paths, and Namespaces" (learn.microsoft.com/windows/win32/fileio/naming-a-file):
 * no `< > : " / \ | ? *` or control characters, no trailing dot or space, no reserved device name (`CON`, `NUL`,
 * `COM1`…) as the part before the first dot, and at most 255 characters.
 */
import type { StatusFormat } from './client.js';
import type { FolderName } from './export-status.js';

// Separators, Windows' reserved characters, C0 and C1 controls, DEL, and bidi controls (U+061C, U+200E–F,
// U+202A–E, U+2066–9: a name that reverses the text after it on screen).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[/\\<>:"|?*\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const RESERVED_STEM = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])\s*$/i;
/** Characters kept of each of company, org and folder: three parts and the suffixes stay under 255. */
const MAX_PART = 60;

/** One part of a name, made safe. */
function safePart(part: string): string {
  const safe = part.replace(UNSAFE, '_');
  return safe.length > MAX_PART ? safe.slice(0, MAX_PART) : safe;
}

/**
 * `CO-ORG-FOLDER-status.FORMAT`, the original export program's file name, with every unsafe character as `_`: a folder named `../x`
 * cannot write outside the output directory, nor `NUL.x` open a device on Windows. Two folders can give the same
 * name (`a/b` and `a_b`); {@link uniqueFileNames} tells them apart.
 */
export function statusFileName(folder: FolderName, format: StatusFormat): string {
  let name = `${safePart(folder.company)}-${safePart(folder.org)}-${safePart(folder.folder)}-status.${format}`;
  if (RESERVED_STEM.test(name.split('.')[0] ?? '')) name = `_${name}`;
  return name;
}

/**
 * One file name per folder, in the folders' order, never two alike (compared without case: Windows and macOS
 * file systems ignore it). A folder keeps its plain name when it is the only one with it, or the one whose name
 * needed no change; the others get a suffix from a hash of their exact names, the same on every run.
 */
export function uniqueFileNames(folders: readonly FolderName[], format: StatusFormat): string[] {
  const plain = folders.map((folder) => statusFileName(folder, format));
  const byKey = new Map<string, number[]>();
  plain.forEach((name, index) => {
    const key = name.toLowerCase();
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  const names = [...plain];
  const taken = new Set(plain.map((name) => name.toLowerCase()));
  for (const indexes of byKey.values()) {
    if (indexes.length < 2) continue;
    // The folder whose exact name is its file name keeps it (first such, in order); every other one is suffixed.
    const keeper = indexes.find((index) => isUnchanged(folders[index] as FolderName, plain[index] as string, format)) ?? indexes[0];
    for (const index of indexes) {
      if (index === keeper) continue;
      const folder = folders[index] as FolderName;
      let name: string;
      for (let round = 0; ; round++) {
        name = plain[index]!.replace(new RegExp(`-status\\.${format}$`), `-status~${hashOf(JSON.stringify([folder.company, folder.org, folder.folder, round]))}.${format}`);
        if (!taken.has(name.toLowerCase())) break;
      }
      taken.add(name.toLowerCase());
      names[index] = name;
    }
  }
  return names;
}

function isUnchanged(folder: FolderName, name: string, format: StatusFormat): boolean {
  return name === `${folder.company}-${folder.org}-${folder.folder}-status.${format}`;
}

/** 8 hex digits of FNV-1a over the UTF-16 code units: stable across runs and platforms, not a secret. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
