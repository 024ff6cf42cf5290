import { ApiClientError } from '@apiclients/core';

/** No component of the page has this name or identifier; `closeMatches` lists the names that look like it. */
export class UnknownComponentError extends ApiClientError {
  override name = 'UnknownComponentError';

  constructor(
    /** The name or identifier that was asked for. */
    readonly component: string,
    /** Names of the page's components that look like it, closest first (at most three). */
    readonly closeMatches: string[],
  ) {
    const hint = closeMatches.length ? `; did you mean ${closeMatches.map((name) => JSON.stringify(name)).join(', ')}?` : '';
    super(`No component named or identified ${JSON.stringify(component)} on this page${hint}`);
  }
}
