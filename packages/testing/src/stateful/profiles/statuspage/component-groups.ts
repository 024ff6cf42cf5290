/**
 * Statuspage component groups as the API keeps them: a group lists its components' identifiers, and each of those
 * components names the group in its `group_id` (https://developer.statuspage.io/#operation/postPagesPageIdComponentGroups,
 * and `group_id` of a component); a group's position follows the page's groups.
 */
import type { Json } from '../../spec-ref.js';
import type { MockCall } from '../../vendor-profile.js';

/** The fields a new group has besides those it was created with. */
export function groupDefaults(call: MockCall): Json {
  return { description: null, position: call.store.list('componentGroups', { page_id: call.params.page_id ?? '' }).length + 1 };
}

/** Points the components of `group` at it, and those it no longer lists (all of them, when deleted) at none. */
export function linkGroupMembers(call: MockCall, group: Json, deleted = false): void {
  const members = new Set(deleted ? [] : ((group.components ?? []) as string[]));
  for (const component of call.store.list('components', { page_id: call.params.page_id ?? '' })) {
    const id = String(component.id);
    if (members.has(id)) component.group_id = group.id;
    else if (component.group_id === group.id) component.group_id = null;
  }
}
