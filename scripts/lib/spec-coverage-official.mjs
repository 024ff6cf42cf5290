// The vendors' official OpenAPI documents in ../shared/reference/ (see its README for where each comes from) and
// which of their operations are in scope for `npm run spec:coverage`: those of the resources our spec, after its
// seed, sets out to cover. VSS and V-Spark publish no OpenAPI document.

/**
 * @typedef {object} OfficialSpec
 * @property {string} name     How the report names the document(s).
 * @property {string[]} files  Relative to ../shared/reference/; an operation in several counts once.
 * @property {'path' | 'tag'} scopeBy  Whether `scope` lists path prefixes or the document's tags.
 * @property {Record<string, string[]>} scope  For each tag of our spec, the official paths (a path and everything
 *   under it) or tags whose operations belong to it. Operations matching none are out of scope.
 * @property {string[]} [whole]  Files (of `files`) our spec covers whole: the report counts each of their operations
 *   by the document's own tags, whatever `scope` says.
 */

/** @type {Record<string, OfficialSpec>} Keyed by the spec's name in specs/. */
export const OFFICIAL_SPECS = {
  spark: {
    name: 'Webex webex-messaging.json + webex-admin.json',
    files: ['spark/webex-messaging.json', 'spark/webex-admin.json'],
    // ciscosparkapi's twelve resources, by the paths Webex serves them at (/access_token is in neither document),
    // then what issue 18 adds: the rest of the messaging document, admin audit events, authorizations and guests.
    scopeBy: 'path',
    whole: ['spark/webex-messaging.json'],
    scope: {
      people: ['/people'],
      rooms: ['/rooms'],
      memberships: ['/memberships'],
      messages: ['/messages'],
      teams: ['/teams'],
      team_memberships: ['/team/memberships'],
      webhooks: ['/webhooks'],
      organizations: ['/organizations'],
      licenses: ['/licenses'],
      roles: ['/roles'],
      events: ['/events'],
      access_tokens: ['/access_token'],
      attachment_actions: ['/attachment/actions'],
      room_tabs: ['/room/tabs'],
      room_linked_folders: ['/room/linkedFolders'],
      hds: ['/hds'],
      admin_audit_events: ['/adminAudit'],
      authorizations: ['/authorizations'],
      guests: ['/guests/token', '/guests/count'],
    },
  },
  statuspage: {
    name: "Atlassian's statuspage-official-openapi.json",
    files: ['statuspage/statuspage-official-openapi.json'],
    // Every tag of the document, each by the tag of ours that holds its operations: python-statuspageio's six
    // services, and the rest of the API (component groups, incident updates and templates, postmortems, incident
    // subscribers, page access users and groups, metric providers, the status embed, permissions). An operation
    // with several tags counts under the first of ours that takes one of them.
    scopeBy: 'tag',
    scope: {
      page: ['pages'],
      components: ['components'],
      incidents: ['incidents'],
      subscribers: ['subscribers'],
      metrics: ['metrics'],
      users: ['users'],
      component_groups: ['component groups'],
      incident_updates: ['incident updates'],
      incident_templates: ['templates'],
      postmortems: ['incident postmortem'],
      incident_subscribers: ['incident subscribers'],
      page_access_users: ['page access users', 'page access user components', 'page access user metrics'],
      page_access_groups: ['page access groups', 'page access group components'],
      metrics_providers: ['metric providers'],
      status_embed_config: ['status embed config'],
      permissions: ['permissions'],
    },
  },
};
