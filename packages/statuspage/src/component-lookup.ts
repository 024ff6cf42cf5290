/**
 * Component names to identifiers, for the helpers that take either: one paged listing of the page's components
 * the first time a name is asked for, kept for the life of the client and made again when a name is not in it.
 */
import type { CallOptions } from '@apiclients/core';
import { loadOnce } from '@apiclients/core/internal';
import type { components } from './generated.js';
import { closeMatches } from './close-matches.js';
import { UnknownComponentError } from './unknown-component-error.js';

type Component = components['schemas']['Component'];

/** What the lookup needs of the client: a paged listing of the components. */
export interface ComponentLister {
  list(params?: object, options?: CallOptions): { toArray(): Promise<Component[]> };
}

/** Resolves a component's name or identifier to its identifier. */
export type ResolveComponent = (nameOrId: string) => Promise<string>;

/**
 * A resolver backed by one listing of the page's components, made on first use and shared by every later call;
 * a name or identifier the listing lacks lists the components again, once, before it is refused.
 * An identifier is taken as it is; a name must match one component exactly (groups are left out: they carry no
 * status of their own: a group's name throws {@link UnknownComponentError} naming its components). A name that
 * matches none throws it with the close matches.
 */
export function componentLookup(lister: ComponentLister): ResolveComponent {
  // A failed listing is not kept: the next call tries again.
  const load = loadOnce(() => lister.list().toArray());
  return async (nameOrId) => {
    const cached = load.kept;
    const used = load();
    let listed = await used;
    let all = listed.filter((component) => component.group !== true);
    const find = () => all.find((component) => component.id === nameOrId) ?? all.find((component) => component.name === nameOrId);
    let match = find();
    if (!match && cached) {
      // A listing made before this call may predate the component (created since, by this client or another): list again once.
      load.forget(used);
      listed = await load();
      all = listed.filter((component) => component.group !== true);
      match = find();
    }
    if (match) return match.id;
    // A group's name is refused with its components named, rather than as a name the page does not have.
    const group = listed.find((component) => component.group === true && (component.id === nameOrId || component.name === nameOrId));
    if (group) throw new UnknownComponentError(nameOrId, all.filter((component) => component.group_id === group.id).map((component) => component.name), true);
    throw new UnknownComponentError(nameOrId, closeMatches(nameOrId, all.map((component) => component.name)));
  };
}

/** `{ nameOrId: status }` → `{ id: status }`, each name resolved. */
export async function resolveStatuses<S>(resolve: ResolveComponent, statuses: Record<string, S>): Promise<Record<string, S>> {
  const entries = await Promise.all(Object.entries(statuses).map(async ([nameOrId, status]) => [await resolve(nameOrId), status] as const));
  return Object.fromEntries(entries);
}
