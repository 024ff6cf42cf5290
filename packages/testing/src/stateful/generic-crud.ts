/**
 * The operations every resource of a spec gets without vendor code: create, get, list, update and delete
 * (`x-apiclients-method`), on the records of its `x-apiclients-resource`, the last path parameter naming the record.
 */
import type { MockCall, MockReply, VendorProfile } from './vendor-profile.js';
import type { Json } from './spec-ref.js';
import { LINK_PARAMS, pageOf } from './list-pages.js';

/** The answer of the generic CRUD, or `undefined` when the operation is not one of the five. */
export function genericCrud(profile: VendorProfile, call: MockCall): MockReply | undefined {
  const { operation } = call;
  const resource = operation.resource;
  if (!resource) return undefined;
  switch (operation.method) {
    case 'create':
      return createRecord(profile, call, resource);
    case 'list':
      return listRecords(profile, call, call.store.list(resource, call.params));
    case 'get':
      return withRecord(profile, call, resource, (record) => ({ status: operation.example.status, body: record }));
    case 'update':
      return withRecord(profile, call, resource, (record) => {
        const updated = profile.update ? profile.update(call, record, fieldsOf(call)) : Object.assign(record, fieldsOf(call));
        call.store.put(resource, updated);
        return { status: operation.example.status, body: updated };
      });
    case 'delete':
      return withRecord(profile, call, resource, (record) => {
        call.store.delete(resource, String(record.id));
        // Where the spec documents a body (Statuspage answers a delete with the deleted record:
        // https://developer.statuspage.io/#operation/deletePagesPageIdIncidentsIncidentId), the record is it.
        return operation.example.mediaType === undefined ? { status: operation.example.status } : { status: operation.example.status, body: record };
      });
    default:
      return undefined;
  }
}

/** The request's fields: the body, out of its envelope (`{ component: {…} }`) when the operation has one. */
export function fieldsOf(call: MockCall): Json {
  const body = (call.body ?? {}) as Json;
  const envelope = call.operation.envelope;
  return ((envelope ? body[envelope] : body) ?? {}) as Json;
}

/** Makes a record of the request's fields, stored under the path parameters of the collection. */
export function createRecord(profile: VendorProfile, call: MockCall, resource: string): MockReply {
  const record = call.store.put(resource, profile.create(call, fieldsOf(call)), call.params);
  return { status: call.operation.example.status, body: record };
}

/**
 * A list of `records` filtered by the query parameters that name one of their fields (`roomId`, `parentId`) and
 * paged as the operation's `x-apiclients-pagination` says.
 */
export function listRecords(profile: VendorProfile, call: MockCall, records: Json[]): MockReply {
  const paging = new Set(Object.values(call.operation.pagination ?? {}).filter((v): v is string => typeof v === 'string'));
  let matching = records;
  for (const [key, value] of call.query) {
    if (paging.has(key) || LINK_PARAMS.includes(key)) continue;
    matching = matching.filter((record) => !(key in record) || String(record[key]) === value);
  }
  if (profile.list) return profile.list(call, matching);
  return pageOf(call, matching) ?? { status: 200, body: matching };
}

function withRecord(profile: VendorProfile, call: MockCall, resource: string, then: (record: Json) => MockReply): MockReply {
  const id = call.params[call.operation.pathParams.at(-1) ?? ''];
  const record = id === undefined ? undefined : call.store.get(resource, id);
  return record ? then(record) : profile.notFound(call);
}
