// How much of each seed library and of each official spec our specs cover: the numbers `npm run spec:coverage`
// prints. The data (seed methods and their operations, official documents and their scope) is in
// spec-coverage-seeds.mjs and spec-coverage-official.mjs; this module only counts.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readSpec, root } from './specs.mjs';
import { OFFICIAL_SPECS } from './spec-coverage-official.mjs';
import { SEEDS } from './spec-coverage-seeds.mjs';

/** ../shared/reference beside the repository, where the official documents are. */
export const referenceDir = join(root, '..', 'shared', 'reference');

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `/pages/{page_id}/components/{id}` → `/pages/{}/components/{}`: parameter names differ between documents. */
export const normalisePath = (path) => path.replace(/\{[^}]+\}/g, '{}');

/** An operation's key for comparing documents: `GET /pages/{}`. */
const keyOf = (op) => `${op.method.toUpperCase()} ${normalisePath(op.path)}`;

/**
 * Every operation under a document's `paths` (not its `webhooks`: those are requests the vendor sends, not calls a
 * client makes), as { method, path, operationId, summary, tags }.
 */
export function operationsOf(doc) {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, op]) => ({ method, path, operationId: op.operationId, summary: op.summary ?? '', tags: op.tags ?? [], covers: op['x-apiclients-covers'] ?? [] })),
  );
}

/**
 * Our operations keyed as the official documents key theirs. An operation with `x-apiclients-covers: [put]` also
 * stands for the official PUT on its path: the vendor offers both methods for one update, and we send one.
 */
function keyedOperations(ours) {
  return new Map(ours.flatMap((op) => [op.method, ...(op.covers ?? [])].map((method) => [keyOf({ ...op, method }), op])));
}

/** Each seed method with the operation that covers it, if our spec has it: [{ resource, name, method, operationId, covered }]. */
export function seedCoverage(seed, ours) {
  const ids = new Set(ours.map((op) => op.operationId));
  return seed.groups.flatMap((group) =>
    group.methods.map(([method, operationId]) => ({ resource: group.resource, name: group.name, method, operationId, covered: ids.has(operationId) })),
  );
}

/** The tag of ours an official operation belongs to under `official.scope`, or undefined when out of scope. */
export function scopeOf(official, op) {
  const matches =
    official.scopeBy === 'path'
      ? (prefixes) => prefixes.some((prefix) => op.path === prefix || op.path.startsWith(`${prefix}/`))
      : (tags) => tags.some((tag) => op.tags.includes(tag));
  return Object.entries(official.scope).find(([, entries]) => matches(entries))?.[0];
}

/**
 * The official operations in scope, each once however many of the documents have it, and whether our spec has the
 * same method on the same path: [{ resource, method, path, summary, files, covered, operationId }].
 *
 * @param {import('./spec-coverage-official.mjs').OfficialSpec} official
 * @param {Record<string, object>} documents The parsed documents, keyed by file.
 * @param {ReturnType<typeof operationsOf>} ours
 */
export function officialCoverage(official, documents, ours) {
  const oursByKey = keyedOperations(ours);
  const inScope = new Map();
  for (const file of official.files) {
    for (const op of operationsOf(documents[file])) {
      const resource = scopeOf(official, op);
      if (resource === undefined) continue;
      const key = keyOf(op);
      const seen = inScope.get(key);
      if (seen) {
        seen.files.push(file);
        continue;
      }
      const match = oursByKey.get(key);
      inScope.set(key, { resource, method: op.method, path: op.path, summary: op.summary, files: [file], covered: match !== undefined, operationId: match?.operationId });
    }
  }
  return [...inScope.values()];
}

/**
 * Every operation of one document, by the document's own first tag: [{ tag, covered, total, missing }], where
 * `missing` lists the `METHOD /path` our spec lacks.
 */
export function wholeDocumentCoverage(document, ours) {
  const oursByKey = new Set(ours.map(keyOf));
  const byTag = new Map();
  for (const op of operationsOf(document)) {
    const tag = op.tags[0] ?? '(untagged)';
    const row = byTag.get(tag) ?? { tag, covered: 0, total: 0, missing: [] };
    row.total += 1;
    if (oursByKey.has(keyOf(op))) row.covered += 1;
    else row.missing.push(`${op.method.toUpperCase()} ${op.path}`);
    byTag.set(tag, row);
  }
  return [...byTag.values()];
}

/** covered / total of a list of rows. */
const tally = (rows) => ({ covered: rows.filter((row) => row.covered).length, total: rows.length });

/**
 * One vendor's coverage: its seed's methods and, where there is one, the official document's operations in scope,
 * per tag of our spec. `official.missing` lists documents that could not be read (then nothing official is counted).
 */
export function vendorCoverage(vendor, specFile, { reference = referenceDir } = {}) {
  const spec = readSpec(specFile);
  const ours = operationsOf(spec);
  const seed = SEEDS[vendor];
  const seedRows = seed ? seedCoverage(seed, ours) : [];

  const officialSpec = OFFICIAL_SPECS[vendor];
  let official;
  if (officialSpec) {
    const missing = officialSpec.files.filter((file) => !existsSync(join(reference, file)));
    const documents = missing.length ? {} : Object.fromEntries(officialSpec.files.map((file) => [file, JSON.parse(readFileSync(join(reference, file), 'utf8'))]));
    official = {
      name: officialSpec.name,
      files: officialSpec.files,
      missing,
      operations: missing.length ? [] : officialCoverage(officialSpec, documents, ours),
      whole: missing.length ? [] : (officialSpec.whole ?? []).map((file) => ({ file, tags: wholeDocumentCoverage(documents[file], ours) })),
    };
  }

  // Rows in the order of our spec's tags, then any the seed or the official scope adds.
  const resources = [
    ...new Set([
      ...(spec.tags ?? []).map((tag) => tag.name),
      ...ours.map((op) => op.tags[0]).filter(Boolean),
      ...seedRows.map((row) => row.resource),
      ...Object.keys(officialSpec?.scope ?? {}),
    ]),
  ];
  return {
    vendor,
    spec: relative(root, specFile),
    operations: ours.length,
    seed: seed && { library: seed.library, file: seed.file, unit: seed.unit, methods: seedRows, ...tally(seedRows) },
    official: official && { ...official, ...tally(official.operations) },
    resources: resources.map((resource) => ({
      resource,
      ours: ours.filter((op) => op.tags[0] === resource).length,
      seed: seed ? tally(seedRows.filter((row) => row.resource === resource)) : undefined,
      official: official && !official.missing.length ? tally(official.operations.filter((op) => op.resource === resource)) : undefined,
    })),
  };
}
