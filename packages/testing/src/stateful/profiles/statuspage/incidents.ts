/**
 * Statuspage incidents as the API keeps them: a `components` map (`{ id: status }`) in a create or update sets
 * those components' statuses, each change of status or body adds an incident update listing the components it
 * changed, and resolving stamps `resolved_at` (https://developer.statuspage.io/#operation/postPagesPageIdIncidents).
 */
import type { Json } from '../../spec-ref.js';
import type { MockCall } from '../../vendor-profile.js';

/** Statuses of an incident that is over: the lists of unresolved incidents leave these out. */
export const CLOSED = new Set(['resolved', 'completed', 'postmortem']);

/** Impact derived from the worst status an incident gives its components, when `impact_override` is not set. */
const IMPACT_OF: Record<string, string> = { major_outage: 'critical', partial_outage: 'major', degraded_performance: 'minor', under_maintenance: 'maintenance' };
const IMPACT_ORDER = ['none', 'maintenance', 'minor', 'major', 'critical'];

/** The new incident a create makes, its components set to the statuses it gives them. */
export function openIncident(call: MockCall, fields: Json, id: string): Json {
  const at = call.now().toISOString();
  const incident: Json = {
    id,
    page_id: call.params.page_id,
    name: fields.name,
    status: fields.status ?? (fields.scheduled_for ? 'scheduled' : 'investigating'),
    impact_override: fields.impact_override ?? null,
    created_at: at,
    updated_at: at,
    monitoring_at: null,
    resolved_at: null,
    scheduled_for: fields.scheduled_for ?? null,
    scheduled_until: fields.scheduled_until ?? null,
    shortlink: `https://stspg.io/${id.slice(0, 7)}`,
    metadata: fields.metadata ?? null,
    postmortem_body: null,
    incident_updates: [],
    components: [],
  };
  return changeIncident(call, incident, fields);
}

/** Applies an update's fields: statuses of components, a new incident update, timestamps, impact. */
export function changeIncident(call: MockCall, incident: Json, fields: Json): Json {
  const at = call.now().toISOString();
  const statuses = componentStatuses(fields);
  const changed = setComponentStatuses(call, statuses);
  for (const key of ['name', 'status', 'impact_override', 'metadata', 'scheduled_for', 'scheduled_until', 'postmortem_body'] as const) if (fields[key] !== undefined) incident[key] = fields[key];
  const affected = new Map((incident.components as Json[]).map((c) => [c.id, c]));
  for (const id of Object.keys(statuses)) {
    const component = call.store.get('components', id);
    if (component) affected.set(id, component);
  }
  incident.components = [...affected.values()].map((c) => structuredClone(c));
  if (fields.status === 'monitoring') incident.monitoring_at = at;
  if (CLOSED.has(String(incident.status))) incident.resolved_at ??= at;
  incident.impact = incident.impact_override ?? worstImpact(incident.components as Json[]);
  incident.updated_at = at;
  if (fields.status !== undefined || fields.body !== undefined) {
    (incident.incident_updates as Json[]).unshift({
      id: `${incident.id}u${(incident.incident_updates as Json[]).length + 1}`,
      incident_id: incident.id,
      status: incident.status,
      body: fields.body ?? '',
      created_at: at,
      updated_at: at,
      display_at: at,
      deliver_notifications: fields.deliver_notifications ?? true,
      affected_components: changed,
      custom_tweet: null,
      tweet_id: null,
      twitter_updated_at: null,
      wants_twitter_update: false,
    });
  }
  return incident;
}

/** Puts every component an incident affected back to `operational` (the `restoreOnResolve` option). */
export function restoreComponents(call: MockCall, incident: Json, given: Json): void {
  const statuses: Record<string, string> = {};
  for (const component of incident.components as Json[]) statuses[String(component.id)] = 'operational';
  Object.assign(statuses, componentStatuses(given));
  const changed = setComponentStatuses(call, statuses);
  incident.components = (incident.components as Json[]).map((c) => structuredClone(call.store.get('components', String(c.id)) ?? c));
  const latest = (incident.incident_updates as Json[])[0];
  if (latest) latest.affected_components = [...((latest.affected_components as Json[] | null) ?? []), ...changed];
}

/** `components: { id: status }`, and `component_ids` (affected, status left as it is). */
function componentStatuses(fields: Json): Record<string, string> {
  const statuses: Record<string, string> = { ...((fields.components ?? {}) as Record<string, string>) };
  for (const id of (fields.component_ids ?? []) as string[]) statuses[id] ??= '';
  return statuses;
}

function setComponentStatuses(call: MockCall, statuses: Record<string, string>): Json[] {
  const changed: Json[] = [];
  for (const [id, status] of Object.entries(statuses)) {
    const component = call.store.get('components', id);
    if (!component || status === '' || component.status === status) continue;
    changed.push({ code: id, name: component.name, old_status: component.status, new_status: status });
    component.status = status;
    component.updated_at = call.now().toISOString();
  }
  return changed;
}

function worstImpact(components: Json[]): string {
  const impacts = components.map((c) => IMPACT_OF[String(c.status)] ?? 'none');
  return impacts.reduce((worst, impact) => (IMPACT_ORDER.indexOf(impact) > IMPACT_ORDER.indexOf(worst) ? impact : worst), 'none');
}

/**
 * `PATCH …/incidents/{incident_id}/incident_updates/{incident_update_id}`: corrects an update already posted (its
 * text, display time, notifications), kept inside its incident, and answers the update
 * (https://developer.statuspage.io/#operation/patchPagesPageIdIncidentsIncidentIdIncidentUpdatesIncidentUpdateId).
 */
export function editIncidentUpdate(call: MockCall, incident: Json | undefined, fields: Json): Json | undefined {
  const update = ((incident?.incident_updates ?? []) as Json[]).find((u) => u.id === call.params.incident_update_id);
  if (!incident || !update) return undefined;
  for (const key of ['body', 'display_at', 'deliver_notifications', 'wants_twitter_update'] as const) if (fields[key] !== undefined) update[key] = fields[key];
  update.updated_at = call.now().toISOString();
  return update;
}
