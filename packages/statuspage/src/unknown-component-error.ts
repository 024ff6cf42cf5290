import { ApiClientError } from '@apiclients/core';

/**
 * No component of the page has this name or identifier; `closeMatches` lists the names that look like it. A name
 * that is a component group's is refused too (`group` is true): a group has no status of its own, and
 * `closeMatches` then lists its components.
 */
export class UnknownComponentError extends ApiClientError {
  override name = 'UnknownComponentError';

  constructor(
    /** The name or identifier that was asked for. */
    readonly component: string,
    /** Names of the page's components that look like it, closest first (at most three); a group's components. */
    readonly closeMatches: string[],
    /** Whether the name or identifier is a component group's. */
    readonly group = false,
  ) {
    const names = closeMatches.map((name) => JSON.stringify(name)).join(', ');
    super(
      group
        ? `${JSON.stringify(component)} is a component group, which has no status of its own: name its components${names ? ` (${names})` : ''}`
        : `No component named or identified ${JSON.stringify(component)} on this page${names ? `; did you mean ${names}?` : ''}`,
    );
  }
}
