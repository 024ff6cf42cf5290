/** The state of one stateful mock: its records by resource, each under the path parameters it was created at. */
import type { Json } from './spec-ref.js';

interface Stored {
  data: Json;
  /** The path parameters of the collection it belongs to (`page_id` for a Statuspage component). */
  parent: Record<string, string>;
}

/** Records by resource (the spec's `x-apiclients-resource`) and id, in the order they were created. */
export class MockStore {
  readonly #resources = new Map<string, Map<string, Stored>>();

  /** The records of `resource` under `parent` (every given key must match), oldest first. */
  list(resource: string, parent: Record<string, string> = {}): Json[] {
    const records = [...(this.#resources.get(resource)?.values() ?? [])];
    return records.filter((r) => Object.entries(parent).every(([key, value]) => r.parent[key] === undefined || r.parent[key] === value)).map((r) => r.data);
  }

  /** One record, or `undefined`. */
  get(resource: string, id: string): Json | undefined {
    return this.#resources.get(resource)?.get(id)?.data;
  }

  /** Adds or replaces a record; it must have an `id`. */
  put(resource: string, data: Json, parent: Record<string, string> = {}): Json {
    let records = this.#resources.get(resource);
    if (!records) this.#resources.set(resource, (records = new Map()));
    records.set(String(data.id), { data, parent: records.get(String(data.id))?.parent ?? parent });
    return data;
  }

  /** Removes a record; whether it was there. */
  delete(resource: string, id: string): boolean {
    return this.#resources.get(resource)?.delete(id) ?? false;
  }

  /** Forgets everything. */
  clear(): void {
    this.#resources.clear();
  }

  /** A deep copy of every record, by resource. */
  snapshot(): Record<string, Json[]> {
    return Object.fromEntries([...this.#resources].map(([resource, records]) => [resource, [...records.values()].map((r) => structuredClone(r.data))]));
  }
}
