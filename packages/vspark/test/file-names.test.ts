/**
 * Server-chosen folder names become file names that are safe on POSIX and Windows and never shared, and text a
 * terminal shows has its control and bidi characters escaped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusFileName, uniqueFileNames } from '../src/index.js';
import { printable } from '../src/printable.js';

const WINDOWS_UNSAFE = /[<>:"/\\|?*\u0000-\u001f]/;
const RESERVED = /^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])\s*$/i;

describe('file names of server-chosen folders', () => {
  it('give `a/b` and `a_b` one file each; the folder named exactly so keeps the plain name', () => {
    const names = uniqueFileNames(
      [
        { company: 'co', org: 'o', folder: 'a/b' },
        { company: 'co', org: 'o', folder: 'a_b' },
        { company: 'co', org: 'o', folder: 'a:b' },
      ],
      'json',
    );
    expect(names[1]).toBe('co-o-a_b-status.json');
    expect(new Set(names).size).toBe(3);
    expect(names[0]).toMatch(/^co-o-a_b-status~[0-9a-f]{8}\.json$/);
  });

  it('tell apart names that differ only in case (Windows and macOS ignore it), the same on every run', () => {
    const folders = [
      { company: 'Co', org: 'o', folder: 'F' },
      { company: 'co', org: 'o', folder: 'f' },
    ];
    const names = uniqueFileNames(folders, 'csv');
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(2);
    expect(uniqueFileNames(folders, 'csv')).toEqual(names);
  });

  it('avoid Windows device names and reserved characters', () => {
    for (const company of ['NUL', 'nul.x', 'COM1', 'lpt9 ', 'con']) {
      expect(RESERVED.test(statusFileName({ company, org: 'o', folder: 'f' }, 'json').split('.')[0] ?? '')).toBe(false);
    }
    expect(statusFileName({ company: 'a<b>', org: 'c:d', folder: 'e|f*g?"h' }, 'json')).toBe('a_b_-c_d-e_f_g__h-status.json');
  });

  it('are, for any names, unique without case, free of separators, controls and reserved characters, and ≤ 255 long', () => {
    const part = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('..', '.', 'a/b', 'a_b', 'NUL', 'A', 'a', '\u202e', ''));
    fc.assert(
      fc.property(fc.array(fc.record({ company: part, org: part, folder: part }), { maxLength: 30 }), (folders) => {
        const names = uniqueFileNames(folders, 'json');
        expect(names).toHaveLength(folders.length);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const name of names) {
          expect(name).not.toMatch(WINDOWS_UNSAFE);
          expect(name).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
          expect(name.length).toBeLessThanOrEqual(255 - 40); // room for the temporary file's prefix and suffix
          expect(RESERVED.test(name.split('.')[0] ?? '')).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('printable', () => {
  it('escapes escape sequences (screen clear, OSC 52 clipboard write), C1 controls and bidi overrides', () => {
    const hostile = 'a\u001b[2J\u001b]52;c;ZWNobyBoaQ==\u0007b\u009b31m\u202egnp.exe\u2066x\r\n';
    const shown = printable(hostile);
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(shown).toBe('a\\u{1b}[2J\\u{1b}]52;c;ZWNobyBoaQ==\\u{7}b\\u{9b}31m\\u{202e}gnp.exe\\u{2066}x\\u{d}\\u{a}');
    expect(printable('Beta-Ops-Calls ✓ café')).toBe('Beta-Ops-Calls ✓ café');
  });
});
