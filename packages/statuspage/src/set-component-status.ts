import type { CallOptions } from '@apiclients/core';
import type { ResolveComponent } from './component-lookup.js';
import type { components } from './generated.js';
import type { Services } from './services.js';

/** A component's status, as Statuspage spells it. */
export type ComponentStatus = components['schemas']['ComponentStatus'];

/** `components.setStatus(nameOrId, status)`: one PATCH of the component, found by name or identifier. */
export type SetComponentStatus = (nameOrId: string, status: ComponentStatus, options?: CallOptions) => Promise<components['schemas']['Component']>;

/** Binds `setStatus` to a client's components service and its component lookup. */
export function setComponentStatus(components: Services['components'], resolve: ResolveComponent): SetComponentStatus {
  return async (nameOrId, status, options) => components.update(await resolve(nameOrId), { status }, options);
}
