/**
 * A VSS request record as the API writes it (specs/vss.yaml, examples `ChangeRequestDetail` … `NewRequestDetail`):
 * the fields every request has, the fields of its type (vss-cli's `COLUMNS_REQUEST_*`), keys in alphabetical
 * order as every documented body has them.
 */
import { createHash } from 'node:crypto';
import type { Json } from '../../spec-ref.js';

/** The types of request the spec covers (`RequestType`). */
export const REQUEST_TYPES = ['change', 'export', 'folder', 'inventory', 'new', 'snapshot'] as const;

/** A type of VSS request. */
export type VssRequestType = (typeof REQUEST_TYPES)[number];

/** Who made a request and when, and what the request says of itself. */
export interface RequestOrigin {
  type: VssRequestType;
  id: number;
  username: string;
  userId: number;
  createdOn: string;
  baseUrl: string;
}

/** A request of `origin.type` with `fields` written over its defaults. */
export function requestRecord(origin: RequestOrigin, fields: Json): Json {
  const { type, id, username, userId, createdOn, baseUrl } = origin;
  const record: Json = {
    created_on: createdOn,
    id,
    message: { errors: [], warnings: [] },
    task_id: nameUuid(`${type}/${id}`),
    updated_on: createdOn,
    user: { _links: { self: `${baseUrl}/user` }, username },
    user_id: userId,
    ...typeFields(type, id),
    ...fields,
  };
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** What a request of each type has besides the common fields, as the spec's examples show them. */
function typeFields(type: VssRequestType, id: number): Json {
  const vm = { vm_name: `vm-${id}`, vm_uuid: nameUuid(`vm/${id}`) };
  switch (type) {
    case 'change':
      return { ...vm, attribute: 'name', value: `vm-${id}`, scheduled: null, scheduled_datetime: null };
    case 'export':
      return { ...vm, files: [], transferred: false };
    case 'folder':
      return { action: 'create', moref: `group-v${1000 + id}` };
    case 'inventory':
      return { filters: 'summary', format: 'csv', name: `${nameUuid(`inventory/${id}`)}.csv`, properties: { data: ['name', 'uuid'] }, transfer: false, transferred: false };
    case 'new':
      return { ...vm, vm_uuid: null, approval: { approved: true }, built_from: 'os_install', cpu: 1, memory: 1, disks: [40], networks: [], guest_os: 'ubuntu64Guest', source_image: null, source_template: null, source_vm: null };
    case 'snapshot':
      return { ...vm, action: 'create', extensions: 0, snapshot: { description: '', snap_id: null } };
  }
}

/** A UUID made from `name` (SHA-1, RFC 9562 version 5 layout): the same on every run. */
function nameUuid(name: string): string {
  const hex = createHash('sha1').update(`vss-mock:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
