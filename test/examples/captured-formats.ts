/**
 * What the real APIs were seen to send, per vendor: the format of each string value under each key, gathered from
 * the captures in ../shared/reference (and the VSS wiki's response bodies in ../shared/seeds/003). For Statuspage,
 * which has no capture, Atlassian's own OpenAPI document (its property examples) stands in.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { referenceDir } from '../lib/spec-validator.js';
import { eachString, formatOf, isDateFormat } from '../lib/value-formats.js';

/** Per vendor: key → the formats its captured values have; and every date format seen at all. */
export interface CapturedFormats {
  byKey: Map<string, Set<string>>;
  dates: Set<string>;
  /** Where they come from, for messages. */
  sources: string[];
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));
const jsonFiles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.json')).map((name) => join(dir, name));

/**
 * The `"key": "string value"` pairs of the response bodies a seed document quotes, one per line as the seed writes
 * them (read pair by pair: the seed's JSON is not always well-formed, e.g. a quote missing after "<vm_uuid>").
 */
function quotedPairsOf(text: string): unknown[] {
  return [...text.matchAll(/^"(\w+)": "([^"]*)",?$/gm)].map(([, key, value]) => ({ [key!]: value }));
}

/** Property examples of an OpenAPI document, as `{ name: example }` objects. */
function propertyExamplesOf(doc: unknown): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object') {
      for (const [name, property] of Object.entries(record.properties as Record<string, { example?: unknown }>)) {
        if (property && typeof property === 'object' && 'example' in property) found.push({ [name]: property.example });
      }
    }
    for (const inner of Object.values(record)) walk(inner);
  };
  walk(doc);
  return found;
}

/** The captured bodies of each vendor (without the `_source` notes of the reference files). */
function capturesOf(vendor: string): { bodies: unknown[]; sources: string[] } {
  const strip = ({ _source, ...rest }: Record<string, unknown>) => rest;
  switch (vendor) {
    case 'spark': {
      const files = jsonFiles(join(referenceDir, 'spark', 'examples'));
      return { bodies: files.map((file) => (readJson(file) as { body: unknown }).body), sources: files };
    }
    case 'vss': {
      const files = jsonFiles(join(referenceDir, 'vss'));
      const seed = join(referenceDir, '..', 'seeds', '003_c09a205698604328.txt');
      return { bodies: [...files.map((file) => strip(readJson(file) as Record<string, unknown>)), ...quotedPairsOf(readFileSync(seed, 'utf8'))], sources: [...files, seed] };
    }
    case 'vspark': {
      const files = jsonFiles(join(referenceDir, 'vspark'));
      return { bodies: files.map((file) => strip(readJson(file) as Record<string, unknown>)), sources: files };
    }
    case 'statuspage': {
      const file = join(referenceDir, 'statuspage', 'statuspage-official-openapi.json');
      return { bodies: propertyExamplesOf(readJson(file)), sources: [file] };
    }
    default:
      throw new Error(`No captures for ${vendor}`);
  }
}

/** The formats the real API of `vendor` was seen to send. */
export function capturedFormats(vendor: string): CapturedFormats {
  const { bodies, sources } = capturesOf(vendor);
  const byKey = new Map<string, Set<string>>();
  const dates = new Set<string>();
  for (const body of bodies) {
    eachString(body, (key, text) => {
      const format = formatOf(text);
      if (!format) return;
      if (!byKey.has(key)) byKey.set(key, new Set());
      byKey.get(key)!.add(format);
      if (isDateFormat(format)) dates.add(format);
    });
  }
  return { byKey, dates, sources };
}
