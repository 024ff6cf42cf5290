/** `next-url`: the next page's URL is in the body, at the policy's `next` path (VSS `meta.pages.next_url`). */
import { valueAt } from '../../values/value-at.js';
import type { PaginationStyle } from '../pagination-style.js';

/**
 * A missing next URL ends the list: VSS's is null on the last page (its documentation, "Request", paging:
 * https://eis-vss.atlassian.net/wiki/spaces/API/pages/8880251). So does a missing `meta`, where pyvss, the VSS
 * Python client, loops forever, and an empty page where the policy says `endOnEmptyPage`.
 */
export const nextUrlStyle: PaginationStyle = {
  next: ({ policy, data, items }) => {
    const next = valueAt(data, policy.next);
    if (policy.endOnEmptyPage && items.length === 0) return null;
    return typeof next === 'string' && next !== '' ? next : null;
  },
};
