/**
 * Statuspage component groups as the API keeps them: a group lists its components' identifiers, and each of those
 * components names the group in its `group_id` (https://developer.statuspage.io/#operation/postPagesPageIdComponentGroups,
 * and `group_id` of a component); a group's position follows the page's groups. A group also appears in the page's
 * components list as a component with `group: true` (https://developer.statuspage.io/#operation/getPagesPageIdComponents,
 * `group` of a component: "Is this component a group"), under the group's identifier, until the group is deleted.
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
    if (component.group === true) continue;
    const id = String(component.id);
    if (members.has(id)) component.group_id = group.id;
    else if (component.group_id === group.id) component.group_id = null;
  }
}

/**
 * Writes `group` into the page's components as a component with `group: true` (only the fields of the API's
 * `Component`), keeping the place and status it had; a deleted group is taken out of them.
 */
export function showGroupAsComponent(call: MockCall, group: Json, deleted = false): void {
  const id = String(group.id);
  if (deleted) {
    call.store.delete('components', id);
    return;
  }
  const pageId = String(group.page_id ?? call.params.page_id ?? '');
  const shown = call.store.get('components', id);
  call.store.put(
    'components',
    {
      id,
      page_id: pageId,
      group_id: null,
      created_at: group.created_at,
      updated_at: group.updated_at,
      group: true,
      name: group.name,
      description: group.description ?? null,
      position: shown?.position ?? call.store.list('components', { page_id: pageId }).length + 1,
      status: shown?.status ?? 'operational',
      showcase: true,
      only_show_if_degraded: false,
      automation_email: null,
      start_date: null,
    },
    { page_id: pageId },
  );
}
