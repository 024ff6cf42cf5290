/**
 * VSS's `filter` and `sort` on a list of requests (eis-vss.atlassian.net/wiki/spaces/API/pages/8880251/Request,
 * "Filtering" and "Sorting"): `filter=status,eq,ERROR;created_on,gt,2016-07-10`, every clause must hold;
 * `sort=created_on,desc;id,asc`, the first key first. A field may name a nested one (`user.username`).
 */
import type { Json } from '../../spec-ref.js';

/** The requests every clause of `filter` holds for (all of them without a filter). */
export function filterRequests(requests: Json[], filter: string | null): Json[] {
  if (!filter) return requests;
  const clauses = filter.split(';').map((clause) => {
    const [field = '', operator = '', ...rest] = clause.split(',');
    return { field, operator, value: rest.join(',') };
  });
  return requests.filter((request) => clauses.every(({ field, operator, value }) => holds(fieldOf(request, field), operator, value)));
}

/** The requests in the order of `sort` (as they are without one); stable. */
export function sortRequests(requests: Json[], sort: string | null): Json[] {
  if (!sort) return requests;
  const keys = sort.split(';').map((key) => {
    const [field = '', direction] = key.split(',');
    return { field, sign: direction === 'desc' ? -1 : 1 };
  });
  return [...requests].sort((a, b) => {
    for (const { field, sign } of keys) {
      const order = compare(fieldOf(a, field), String(fieldOf(b, field) ?? ''));
      if (order !== 0) return sign * order;
    }
    return 0;
  });
}

function fieldOf(request: Json, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Json)[key] : undefined), request);
}

// The operators of the wiki's table: eq, ne, lt, le, gt, ge, like (`%` any text, `_` one character, as SQL's
// LIKE), in (one of several values separated by commas).
function holds(actual: unknown, operator: string, value: string): boolean {
  switch (operator) {
    case 'eq':
      return compare(actual, value) === 0;
    case 'ne':
      return compare(actual, value) !== 0;
    case 'lt':
      return compare(actual, value) < 0;
    case 'le':
      return compare(actual, value) <= 0;
    case 'gt':
      return compare(actual, value) > 0;
    case 'ge':
      return compare(actual, value) >= 0;
    case 'like':
      return likePattern(value).test(String(actual ?? ''));
    case 'in':
      return value.split(',').some((one) => compare(actual, one) === 0);
    default:
      return false;
  }
}

/** Numbers as numbers, anything else as its text (`null` as `null`, dates as VSS writes them sort as text). */
function compare(actual: unknown, value: string): number {
  if (typeof actual === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Math.sign(actual - Number(value));
  const text = String(actual ?? 'null');
  return text < value ? -1 : text > value ? 1 : 0;
}

function likePattern(pattern: string): RegExp {
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${source}$`, 's');
}
