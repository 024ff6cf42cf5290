/**
 * A local fake Statuspage that keeps state (node:http on 127.0.0.1): components whose status incidents change,
 * incidents with their updates, as Statuspage's API behaves for `components` and `component_ids` in an incident
 * request (developer.statuspage.io, "Create an incident": `components` maps identifiers to the status to set).
 * With `requestsPerSecond`, requests closer together than the limit are refused with 420 and `Retry-After`, and
 * not performed, as Statuspage does (reference/statuspage README: 1 request a second, answered with 420 or 429).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_KEY = 'sp-key-stateful-7f3e';
export const PAGE_ID = 'pgstate01';

interface Component {
  id: string;
  page_id: string;
  name: string;
  status: string;
  group: boolean;
  group_id: string | null;
  position: number;
}

interface Incident {
  id: string;
  page_id: string;
  name: string;
  status: string;
  impact: string;
  components: Component[];
  incident_updates: { id: string; incident_id: string; status: string; body: string; affected_components: { code: string; old_status: string; new_status: string }[] }[];
  resolved_at: string | null;
}

export interface StatefulStatuspage {
  url: string;
  components: Component[];
  incidents: Incident[];
  /** Every request received, refused ones included: method, path and whether it was performed. */
  log: { method: string; path: string; performed: boolean }[];
  close(): Promise<void>;
}

export interface StatefulOptions {
  /** The page's components, by name (a group when the name ends in "/"). */
  components: string[];
  /** Refuse requests closer together than 1/requestsPerSecond seconds with 420 and Retry-After. */
  requestsPerSecond?: number;
}

export async function startStatefulStatuspage(options: StatefulOptions): Promise<StatefulStatuspage> {
  const components: Component[] = options.components.map((name, i) => ({
    id: `cmp${i + 1}`,
    page_id: PAGE_ID,
    name: name.replace(/\/$/, ''),
    status: 'operational',
    group: name.endsWith('/'),
    group_id: null,
    position: i + 1,
  }));
  const incidents: Incident[] = [];
  const log: StatefulStatuspage['log'] = [];
  let lastPerformed = -Infinity;

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  /** Applies `{ id: status }`, returning what changed, as an incident update's `affected_components`. */
  const applyStatuses = (statuses: Record<string, string> | undefined) =>
    Object.entries(statuses ?? {}).flatMap(([id, status]) => {
      const component = components.find((c) => c.id === id);
      if (!component) return [];
      const change = { code: id, old_status: component.status, new_status: status };
      component.status = status;
      return [change];
    });

  const affect = (incident: Incident, ids: string[] | undefined) => {
    for (const id of ids ?? []) {
      const component = components.find((c) => c.id === id);
      if (component && !incident.components.some((c) => c.id === id)) incident.components.push(component);
    }
  };

  const route = (req: IncomingMessage, url: URL, body: any, res: ServerResponse) => {
    const base = `/v1/pages/${PAGE_ID}`;
    const path = url.pathname;
    if (req.method === 'GET' && path === `${base}/components`) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? '100'), 100);
      return json(res, 200, components.slice((page - 1) * perPage, page * perPage));
    }
    const componentPath = new RegExp(`^${base}/components/([^/]+)$`).exec(path);
    if (componentPath) {
      const component = components.find((c) => c.id === componentPath[1]);
      if (!component) return json(res, 404, { message: 'The requested resource could not be found.' });
      if (req.method === 'PATCH') Object.assign(component, body?.component ?? {});
      return json(res, 200, component);
    }
    if (req.method === 'POST' && path === `${base}/incidents`) {
      const fields = body?.incident ?? {};
      if (!fields.name) return json(res, 422, { message: "Name can't be blank" });
      const incident: Incident = { id: `inc${incidents.length + 1}`, page_id: PAGE_ID, name: fields.name, status: fields.status ?? 'investigating', impact: 'minor', components: [], incident_updates: [], resolved_at: null };
      affect(incident, fields.component_ids);
      const changes = applyStatuses(fields.components);
      incident.incident_updates.unshift({ id: `upd${incident.incident_updates.length + 1}`, incident_id: incident.id, status: incident.status, body: fields.body ?? '', affected_components: changes });
      incidents.push(incident);
      return json(res, 201, incident);
    }
    const incidentPath = new RegExp(`^${base}/incidents/([^/]+)$`).exec(path);
    if (incidentPath) {
      const incident = incidents.find((i) => i.id === incidentPath[1]);
      if (!incident) return json(res, 404, { message: 'The requested resource could not be found.' });
      if (req.method === 'PATCH') {
        const fields = body?.incident ?? {};
        if (fields.status) incident.status = fields.status;
        if (fields.status === 'resolved') incident.resolved_at = new Date().toISOString();
        affect(incident, fields.component_ids);
        const changes = applyStatuses(fields.components);
        if (fields.body !== undefined || fields.status) {
          incident.incident_updates.unshift({ id: `upd${incident.incident_updates.length + 1}`, incident_id: incident.id, status: incident.status, body: fields.body ?? '', affected_components: changes });
        }
      }
      return json(res, 200, incident);
    }
    return json(res, 404, { message: 'The requested resource could not be found.' });
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    let raw = '';
    for await (const chunk of req) raw += chunk;
    if (req.headers.authorization !== `OAuth ${API_KEY}`) return json(res, 401, { message: 'Could not authenticate' });
    const now = Date.now();
    if (options.requestsPerSecond) {
      const gapMs = 1000 / options.requestsPerSecond;
      const waitMs = lastPerformed + gapMs - now;
      if (waitMs > 0) {
        log.push({ method: req.method ?? '', path: url.pathname, performed: false });
        return json(res, 420, { error: 'Rate limit exceeded' }, { 'retry-after': String(Math.ceil(waitMs / 1000)) });
      }
    }
    lastPerformed = now;
    log.push({ method: req.method ?? '', path: url.pathname, performed: true });
    route(req, url, raw ? JSON.parse(raw) : undefined, res);
  };

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    components,
    incidents,
    log,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
