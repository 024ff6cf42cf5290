/**
 * The three calls of an incident's life that every Statuspage automation writes by hand: open it with the statuses
 * of the components it affects, post an update, resolve it and put its components back to operational. Components
 * are named or identified; names are resolved with the client's component lookup.
 */
import type { CallOptions } from '@apiclients/core';
import type { ResolveComponent } from './component-lookup.js';
import { resolveStatuses } from './component-lookup.js';
import type { Incident, IncidentsCreateParams, IncidentStatus, IncidentsUpdateParams } from './generated-types.js';
import type { Services } from './services.js';
import type { ComponentStatus } from './set-component-status.js';

/** What `incidents.open` takes: an incident's fields, with its components by name or identifier. */
export type OpenIncident = Omit<IncidentsCreateParams, 'components' | 'component_ids'> & {
  name: string;
  status?: IncidentStatus;
  body?: string;
  /** Each affected component (name or identifier) and the status to give it. */
  components?: Record<string, ComponentStatus>;
};

/**
 * What `incidents.postUpdate` takes: every field `incidents.update` takes (the new `status` and `body`,
 * `deliver_notifications`, `impact_override`, `metadata`, …), with the components whose status changes by name or
 * identifier.
 */
export type IncidentUpdateFields = Omit<IncidentsUpdateParams, 'components' | 'component_ids'> & {
  /** Components (name or identifier) whose status changes with this update. */
  components?: Record<string, ComponentStatus>;
};

/** The helpers `incidents` gains. */
export interface IncidentLifecycle {
  /** Creates an incident affecting the given components, setting their statuses in the same request. */
  open(fields: OpenIncident, options?: CallOptions): Promise<Incident>;
  /** Posts an update to an open incident: its new status and text, and the components whose status changes. */
  postUpdate(incidentId: string, fields: IncidentUpdateFields, options?: CallOptions): Promise<Incident>;
  /**
   * Resolves an incident with a last update (a scheduled maintenance is `completed`, any other incident
   * `resolved`), and puts every component it affects back to operational.
   */
  resolve(incidentId: string, body: string, options?: CallOptions): Promise<Incident>;
}

// A scheduled maintenance ends as `completed`, a realtime incident as `resolved`: each kind has its own statuses
// (https://developer.statuspage.io/#operation/patchPagesPageIdIncidentsIncidentId, `status`).
const MAINTENANCE: ReadonlySet<IncidentStatus> = new Set(['scheduled', 'in_progress', 'verifying', 'completed']);

/** `components` and `component_ids` of an incident request, names resolved (nothing when there are none). */
async function affected(resolve: ResolveComponent, statuses: Record<string, ComponentStatus> | undefined) {
  if (!statuses || Object.keys(statuses).length === 0) return {};
  const byId = await resolveStatuses(resolve, statuses);
  return { components: byId, component_ids: Object.keys(byId) };
}

/** Binds the helpers to a client's incidents service and its component lookup. */
export function incidentLifecycle(incidents: Services['incidents'], resolve: ResolveComponent): IncidentLifecycle {
  return {
    async open({ components, ...fields }, options) {
      return incidents.create({ ...fields, ...(await affected(resolve, components)) }, options);
    },
    async postUpdate(incidentId, { components, ...fields }, options) {
      return incidents.update(incidentId, { ...fields, ...(await affected(resolve, components)) }, options);
    },
    async resolve(incidentId, body, options) {
      // The incident lists the components it affects; each goes back to operational with the last update.
      const incident = await incidents.get(incidentId, options);
      const ids = (incident.components ?? []).map((component) => component.id);
      const operational = Object.fromEntries(ids.map((id) => [id, 'operational' as const]));
      const status = MAINTENANCE.has(incident.status as IncidentStatus) ? 'completed' : 'resolved';
      return incidents.update(incidentId, { status, body, ...(ids.length ? { components: operational, component_ids: ids } : {}) }, options);
    },
  };
}
