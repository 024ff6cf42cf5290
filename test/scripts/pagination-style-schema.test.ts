/**
 * The pagination styles, said twice in two languages: the generator's schema of `x-apiclients-pagination`
 * (scripts/lib/extensions.mjs) refuses a style it does not list at `npm run generate`, and core pages by its
 * registry of styles (packages/core/src/paging/pagination-styles.ts). Every style the schema lets through must be
 * one core can page by, or a spec would pass generation and fail at its first list call.
 */
import { describe, expect, it } from 'vitest';
import { bindOperations, createTransport, type OperationTable } from '@apiclients/core/internal';
import { EXTENSIONS } from '../../scripts/lib/extensions.mjs';

const STYLES = (EXTENSIONS.operation['x-apiclients-pagination'] as { properties: { style: { enum: string[] } } }).properties.style.enum;

/** A list of `style` against a server whose only page is empty: its items, or the error paging it raised. */
async function pageThrough(style: string): Promise<unknown> {
  const table = {
    things_list: {
      resource: 'things',
      method: 'list',
      verb: 'get',
      path: '/things',
      // What each style needs: `next` for next-url, `pageParam` for page-number.
      pagination: { style, items: 'items', next: 'next', pageParam: 'page' },
    },
  } as const satisfies OperationTable;
  const fetch = async () => new Response(JSON.stringify({ items: [], next: null }), { headers: { 'content-type': 'application/json' } });
  const transport = createTransport({ fetch, maxRetries: 0 });
  const bound = bindOperations(
    'http://127.0.0.1:9/v1',
    table as OperationTable,
    transport,
  ) as unknown as { things: { list: () => { toArray(): Promise<unknown[]> } } };
  return bound.things.list().toArray().catch((error: unknown) => error);
}

describe('every pagination style of the extension schema is one core pages by', () => {
  it('the schema lists styles (so the cases below run)', () => {
    expect(STYLES.length).toBeGreaterThan(0);
  });

  it.each(STYLES)('%s', async (style) => {
    expect(await pageThrough(style)).toEqual([]);
  });

  it('a style outside the schema is refused by core too, naming it', async () => {
    expect(String(await pageThrough('links'))).toMatch(/Unknown x-apiclients-pagination style "links"/);
  });
});
