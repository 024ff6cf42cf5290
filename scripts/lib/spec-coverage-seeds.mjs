// What each seed library (or seed program) calls, and which operation of our spec does the same: the data
// `npm run spec:coverage` counts, and test/scripts/spec-coverage.test.ts checks against specs/.
//
// Transcribed by hand from the seeds in ../shared/seeds/ (their file names below; line numbers are those files'),
// not parsed: the seeds are rendered documentation and a sample program, not code a script could read reliably.
// Each group says where in its seed it comes from. A method is [seed name, our operationId].

/**
 * @typedef {object} SeedGroup
 * @property {string} resource  The tag of our spec that the group's operations carry (`people`, `components`).
 * @property {string} name   The seed's name for it (`PeopleAPI`, `ComponentsService`).
 * @property {string} where  Where it is in the seed file.
 * @property {[string, string][]} methods  Each seed method (or call) and the operationId of ours that covers it.
 *
 * @typedef {object} Seed
 * @property {string} library  What the seed is.
 * @property {string} file     The seed file, relative to ../shared/seeds/.
 * @property {string} unit     What a row counts: `method` or `call`.
 * @property {SeedGroup[]} groups
 */

/** @type {Record<string, Seed>} The seed of each vendor, keyed by the spec's name in specs/. */
export const SEEDS = {
  spark: {
    library: 'ciscosparkapi (Python), API reference "User API Doc"',
    file: '002_7df869a050fce305.txt',
    unit: 'method',
    // One `<Resource>API` class per resource, reached as CiscoSparkAPI.<resource> (lines 15-39). Each method is
    // listed with its signature (`list(…)[source]`) under its class.
    groups: [
      {
        resource: 'people',
        name: 'PeopleAPI',
        where: 'class ciscosparkapi.api.people.PeopleAPI, line 80',
        methods: [['list', 'people_list'], ['create', 'people_create'], ['get', 'people_get'], ['update', 'people_update'], ['delete', 'people_delete'], ['me', 'people_me']],
      },
      {
        resource: 'rooms',
        name: 'RoomsAPI',
        where: 'class ciscosparkapi.api.rooms.RoomsAPI, line 209',
        methods: [['list', 'rooms_list'], ['create', 'rooms_create'], ['get', 'rooms_get'], ['update', 'rooms_update'], ['delete', 'rooms_delete']],
      },
      {
        resource: 'memberships',
        name: 'MembershipsAPI',
        where: 'class ciscosparkapi.api.memberships.MembershipsAPI, line 313',
        methods: [['list', 'memberships_list'], ['create', 'memberships_create'], ['get', 'memberships_get'], ['update', 'memberships_update'], ['delete', 'memberships_delete']],
      },
      {
        resource: 'messages',
        name: 'MessagesAPI',
        where: 'class ciscosparkapi.api.messages.MessagesAPI, line 425',
        methods: [['list', 'messages_list'], ['create', 'messages_create'], ['get', 'messages_get'], ['delete', 'messages_delete']],
      },
      {
        resource: 'teams',
        name: 'TeamsAPI',
        where: 'class ciscosparkapi.api.teams.TeamsAPI, line 518',
        methods: [['list', 'teams_list'], ['create', 'teams_create'], ['get', 'teams_get'], ['update', 'teams_update'], ['delete', 'teams_delete']],
      },
      {
        resource: 'team_memberships',
        name: 'TeamMembershipsAPI',
        where: 'class ciscosparkapi.api.team_memberships.TeamMembershipsAPI, line 616',
        methods: [
          ['list', 'team_memberships_list'],
          ['create', 'team_memberships_create'],
          ['get', 'team_memberships_get'],
          ['update', 'team_memberships_update'],
          ['delete', 'team_memberships_delete'],
        ],
      },
      {
        resource: 'webhooks',
        name: 'WebhooksAPI',
        where: 'class ciscosparkapi.api.webhooks.WebhooksAPI, line 718',
        methods: [['list', 'webhooks_list'], ['create', 'webhooks_create'], ['get', 'webhooks_get'], ['update', 'webhooks_update'], ['delete', 'webhooks_delete']],
      },
      {
        resource: 'organizations',
        name: 'OrganizationsAPI',
        where: 'class ciscosparkapi.api.organizations.OrganizationsAPI, line 820',
        methods: [['list', 'organizations_list'], ['get', 'organizations_get']],
      },
      {
        resource: 'licenses',
        name: 'LicensesAPI',
        where: 'class ciscosparkapi.api.licenses.LicensesAPI, line 868',
        methods: [['list', 'licenses_list'], ['get', 'licenses_get']],
      },
      {
        resource: 'roles',
        name: 'RolesAPI',
        where: 'class ciscosparkapi.api.roles.RolesAPI, line 919',
        methods: [['list', 'roles_list'], ['get', 'roles_get']],
      },
      {
        resource: 'events',
        name: 'EventsAPI',
        where: 'class ciscosparkapi.api.events.EventsAPI, line 967',
        methods: [['list', 'events_list'], ['get', 'events_get']],
      },
      {
        resource: 'access_tokens',
        name: 'AccessTokensAPI',
        where: 'class ciscosparkapi.api.access_tokens.AccessTokensAPI, line 1024',
        // Both are POST /access_token, told apart by grant_type (authorization_code, refresh_token): one operation.
        methods: [['get', 'access_tokens_create'], ['refresh', 'access_tokens_create']],
      },
    ],
  },

  statuspage: {
    library: 'python-statuspageio 0.0.1, documentation "4.3.6 statuspageio.services module"',
    file: '004_be4c9bf9b8379d10.txt',
    unit: 'method',
    // The services module lists every public method of each service class (the "Resources and actions" summary at
    // lines 143-192 lists the same ones, less incidents.create_scheduled).
    groups: [
      {
        resource: 'page',
        name: 'PageService',
        where: 'class statuspageio.services.PageService, line 644',
        methods: [['get', 'page_get'], ['update', 'page_update']],
      },
      {
        resource: 'components',
        name: 'ComponentsService',
        where: 'class statuspageio.services.ComponentsService, line 415',
        methods: [['list', 'components_list'], ['create', 'components_create'], ['update', 'components_update'], ['delete', 'components_delete']],
      },
      {
        resource: 'incidents',
        name: 'IncidentsService',
        where: 'class statuspageio.services.IncidentsService, line 484',
        methods: [
          ['list', 'incidents_list'],
          ['list_unresolved', 'incidents_list_unresolved'],
          ['list_scheduled', 'incidents_list_scheduled'],
          ['create', 'incidents_create'],
          // "Calls post pages/{page_id}/incidents.json", the same call as `create` (line 506).
          ['create_scheduled', 'incidents_create'],
          ['update', 'incidents_update'],
          ['delete', 'incidents_delete'],
        ],
      },
      {
        resource: 'subscribers',
        name: 'SubscribersService',
        where: 'class statuspageio.services.SubscribersService, line 682',
        methods: [['list', 'subscribers_list'], ['create', 'subscribers_create'], ['delete', 'subscribers_delete']],
      },
      {
        resource: 'metrics',
        name: 'MetricsService',
        where: 'class statuspageio.services.MetricsService, line 568',
        methods: [
          ['list_available', 'metrics_list_available'],
          ['list_linked', 'metrics_list_linked'],
          ['list_metrics_for_provider', 'metrics_list_for_provider'],
          ['create', 'metrics_create'],
          ['delete', 'metrics_delete'],
          ['submit_data', 'metrics_submit_data'],
          ['delete_all_data', 'metrics_delete_all_data'],
        ],
      },
      {
        resource: 'users',
        name: 'UsersService',
        where: 'class statuspageio.services.UsersService, line 722',
        methods: [['list', 'users_list'], ['create', 'users_create'], ['delete', 'users_delete']],
      },
    ],
  },

  vss: {
    library: 'the VSS API v2 wiki page "Request" (calls shown with httpie and curl)',
    file: '003_c09a205698604328.txt',
    unit: 'call',
    // Seven `http GET` examples, of two endpoints: the summary, and one type's list with paging, expand, filter and
    // sort parameters. The list's items link to /request/<type>/<id>, which the page never calls.
    groups: [
      {
        resource: 'requests',
        name: 'request',
        where: 'sections "List" (line 1), "Paging" (56), "Expansion" (117), "Filtering" (173), "Sorting" (249)',
        methods: [['GET /request', 'requests_summary'], ['GET /request/{type}', 'requests_list']],
      },
    ],
  },

  vspark: {
    library: "V-Spark Online Help, \"Using the /status API with Python\" (Voci's sample program)",
    file: '000_a249a29240d8d216.txt',
    unit: 'call',
    groups: [
      {
        resource: 'config',
        name: 'config',
        where: 'gettokens() line 48, getfolderinfo() line 53',
        methods: [['GET /config', 'config_get'], ['GET /config/folders', 'config_folders']],
      },
      {
        resource: 'status',
        name: 'status',
        where: 'writefolderstatus() line 64',
        methods: [['GET /status/{company}/{org}/{folder}', 'status_folder']],
      },
    ],
  },
};
