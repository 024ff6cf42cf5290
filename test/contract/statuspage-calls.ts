/**
 * One call of every operation of specs/statuspage.yaml through StatuspageClient, keyed by operationId, with
 * arguments both our spec and Atlassian's official document accept. The contract tests run them against Prism on
 * each document. A list is read one page deep: Prism's examples link to nothing, and a full page would ask for more.
 */
import type { StatuspageClient } from '@apiclients/statuspage';

const first = <T>(list: { take(n: number): { toArray(): Promise<T[]> } }) => list.take(1).toArray();
const two = ['ftgks51sfs2d', 'b13yz5g2cw10'];

/** operationId → a call of it. */
export const statuspageCalls: Record<string, (sp: StatuspageClient) => Promise<unknown>> = {
  pages_list: (sp) => sp.pages.list(),
  page_get: (sp) => sp.page.get(),
  page_update: (sp) => sp.page.update({ name: 'Acme Status', time_zone: 'Europe/London' }),

  components_list: (sp) => first(sp.components.list()),
  components_create: (sp) => sp.components.create({ name: 'Payments API', status: 'operational', description: 'Card payments' }),
  components_get: (sp) => sp.components.get('ftgks51sfs2d'),
  components_update: (sp) => sp.components.update('ftgks51sfs2d', { status: 'degraded_performance' }),
  components_delete: (sp) => sp.components.delete('ftgks51sfs2d'),
  components_uptime: (sp) => sp.components.uptime('ftgks51sfs2d', { start: '2024-07-01', end: '2024-07-31' }),
  components_add_page_access_users: (sp) => sp.components.addPageAccessUsers('ftgks51sfs2d', { page_access_user_ids: ['j8l065dx1jhl'] }),
  components_remove_page_access_users: (sp) => sp.components.removePageAccessUsers('ftgks51sfs2d'),
  components_add_page_access_groups: (sp) => sp.components.addPageAccessGroups('ftgks51sfs2d', { page_access_group_ids: ['2z66jqcchrs9'] }),
  components_remove_page_access_groups: (sp) => sp.components.removePageAccessGroups('ftgks51sfs2d'),

  component_groups_list: (sp) => first(sp.componentGroups.list()),
  component_groups_create: (sp) => sp.componentGroups.create({ name: 'API Components', components: two }),
  component_groups_get: (sp) => sp.componentGroups.get('34wb21n3n3mr'),
  component_groups_update: (sp) => sp.componentGroups.update('34wb21n3n3mr', { name: 'Public API', components: two }),
  component_groups_delete: (sp) => sp.componentGroups.delete('34wb21n3n3mr'),
  component_groups_uptime: (sp) => sp.componentGroups.uptime('34wb21n3n3mr', { start: '2024-07' }),

  incidents_list: (sp) => first(sp.incidents.list({ q: 'payments' })),
  incidents_list_unresolved: (sp) => first(sp.incidents.listUnresolved()),
  incidents_list_scheduled: (sp) => first(sp.incidents.listScheduled()),
  incidents_list_upcoming: (sp) => first(sp.incidents.listUpcoming()),
  incidents_list_active_maintenance: (sp) => first(sp.incidents.listActiveMaintenance()),
  incidents_create: (sp) =>
    sp.incidents.create({ name: 'Card payments failing', status: 'investigating', body: 'We are investigating.', components: { ftgks51sfs2d: 'major_outage' }, component_ids: ['ftgks51sfs2d'] }),
  incidents_get: (sp) => sp.incidents.get('p31zjtct2jer'),
  incidents_update: (sp) => sp.incidents.update('p31zjtct2jer', { status: 'monitoring', body: 'A fix is deployed.' }),
  incidents_delete: (sp) => sp.incidents.delete('p31zjtct2jer'),

  incident_updates_update: (sp) => sp.incidentUpdates.update('p31zjtct2jer', 'k7mf5z1gz05c', { body: 'Corrected text.', deliver_notifications: false }),
  incident_templates_list: (sp) => first(sp.incidentTemplates.list()),
  incident_templates_create: (sp) =>
    sp.incidentTemplates.create({ name: 'Payments degraded', title: 'Card payments are slow', body: 'We are investigating.', update_status: 'investigating' }),

  incident_subscribers_list: (sp) => first(sp.incidentSubscribers.list('p31zjtct2jer')),
  incident_subscribers_create: (sp) => sp.incidentSubscribers.create('p31zjtct2jer', { email: 'ops@example.com' }),
  incident_subscribers_get: (sp) => sp.incidentSubscribers.get('p31zjtct2jer', 'fw1r7z73crqm'),
  incident_subscribers_delete: (sp) => sp.incidentSubscribers.delete('p31zjtct2jer', 'fw1r7z73crqm'),
  incident_subscribers_resend_confirmation: (sp) => sp.incidentSubscribers.resendConfirmation('p31zjtct2jer', 'fw1r7z73crqm'),

  postmortems_get: (sp) => sp.postmortems.get('p31zjtct2jer'),
  postmortems_create: (sp) => sp.postmortems.create('p31zjtct2jer', { body_draft: '## What happened' }),
  postmortems_publish: (sp) => sp.postmortems.publish('p31zjtct2jer', { notify_subscribers: true }),
  postmortems_revert: (sp) => sp.postmortems.revert('p31zjtct2jer'),
  postmortems_delete: (sp) => sp.postmortems.delete('p31zjtct2jer'),

  subscribers_list: (sp) => first(sp.subscribers.list({ state: 'all' })),
  subscribers_create: (sp) => sp.subscribers.create({ email: 'ops@example.com' }),
  subscribers_get: (sp) => sp.subscribers.get('fw1r7z73crqm'),
  subscribers_update: (sp) => sp.subscribers.update('fw1r7z73crqm', { component_ids: ['ftgks51sfs2d'] }),
  subscribers_delete: (sp) => sp.subscribers.delete('fw1r7z73crqm', { skip_unsubscription_notification: true }),
  subscribers_resend_confirmation: (sp) => sp.subscribers.resendConfirmation('fw1r7z73crqm'),
  // The official document types `subscribers` as a string (its text describes a list too): "all" passes both.
  subscribers_resend_confirmations: (sp) => sp.subscribers.resendConfirmations({ subscribers: 'all' }),
  subscribers_unsubscribe: (sp) => sp.subscribers.unsubscribe({ subscribers: 'all', type: 'sms', state: 'quarantined' }),
  subscribers_reactivate: (sp) => sp.subscribers.reactivate({ subscribers: 'all', type: 'webhook' }),
  subscribers_histogram_by_state: (sp) => sp.subscribers.histogramByState(),
  subscribers_count: (sp) => sp.subscribers.count({ type: 'email', state: 'all' }),
  subscribers_list_unsubscribed: (sp) => first(sp.subscribers.listUnsubscribed()),

  metrics_list_available: (sp) => sp.metrics.listAvailable(),
  metrics_list_linked: (sp) => sp.metrics.listLinked(),
  metrics_list_for_provider: (sp) => first(sp.metrics.listForProvider('cm7f8dghrtzn')),
  metrics_list: (sp) => first(sp.metrics.list()),
  metrics_create: (sp) => sp.metrics.create('cm7f8dghrtzn', { name: 'API response time', suffix: 'ms' }),
  metrics_get: (sp) => sp.metrics.get('68twrb0k2zhw'),
  metrics_update: (sp) => sp.metrics.update('68twrb0k2zhw', { name: 'API latency (p50)' }),
  metrics_delete: (sp) => sp.metrics.delete('68twrb0k2zhw'),
  metrics_submit_data: (sp) => sp.metrics.submitData('68twrb0k2zhw', { timestamp: 1_724_137_288, value: 123.456 }),
  metrics_submit_bulk_data: (sp) => sp.metrics.submitBulkData({ '68twrb0k2zhw': [{ timestamp: 1_724_137_288, value: 123.456 }] }),
  metrics_delete_all_data: (sp) => sp.metrics.deleteAllData('68twrb0k2zhw'),

  metrics_providers_create: (sp) => sp.metricsProviders.create({ type: 'Self' }),
  metrics_providers_get: (sp) => sp.metricsProviders.get('cm7f8dghrtzn'),
  metrics_providers_update: (sp) => sp.metricsProviders.update('yy59xsy7xykv', { metric_base_uri: 'https://app.datadoghq.eu/api/v1' }),
  metrics_providers_delete: (sp) => sp.metricsProviders.delete('yy59xsy7xykv'),

  page_access_users_list: (sp) => first(sp.pageAccessUsers.list({ email: 'ada@example.com' })),
  page_access_users_create: (sp) => sp.pageAccessUsers.create({ email: 'ada@example.com', page_access_group_ids: ['2z66jqcchrs9'] }),
  page_access_users_get: (sp) => sp.pageAccessUsers.get('j8l065dx1jhl'),
  page_access_users_update: (sp) => sp.pageAccessUsers.update('j8l065dx1jhl', { page_access_group_ids: ['8mz1y7n0d7yc'] }),
  page_access_users_delete: (sp) => sp.pageAccessUsers.delete('j8l065dx1jhl'),
  page_access_users_list_components: (sp) => first(sp.pageAccessUsers.listComponents('j8l065dx1jhl')),
  page_access_users_add_components: (sp) => sp.pageAccessUsers.addComponents('j8l065dx1jhl', { component_ids: two }),
  page_access_users_replace_components: (sp) => sp.pageAccessUsers.replaceComponents('j8l065dx1jhl', { component_ids: two }),
  page_access_users_remove_components: (sp) => sp.pageAccessUsers.removeComponents('j8l065dx1jhl', { component_ids: ['b13yz5g2cw10'] }),
  page_access_users_remove_component: (sp) => sp.pageAccessUsers.removeComponent('j8l065dx1jhl', 'b13yz5g2cw10'),
  page_access_users_list_metrics: (sp) => first(sp.pageAccessUsers.listMetrics('j8l065dx1jhl')),
  page_access_users_add_metrics: (sp) => sp.pageAccessUsers.addMetrics('j8l065dx1jhl', { metric_ids: ['68twrb0k2zhw'] }),
  page_access_users_replace_metrics: (sp) => sp.pageAccessUsers.replaceMetrics('j8l065dx1jhl', { metric_ids: ['68twrb0k2zhw'] }),
  page_access_users_remove_metrics: (sp) => sp.pageAccessUsers.removeMetrics('j8l065dx1jhl', { metric_ids: ['68twrb0k2zhw'] }),
  page_access_users_remove_metric: (sp) => sp.pageAccessUsers.removeMetric('j8l065dx1jhl', '68twrb0k2zhw'),

  page_access_groups_list: (sp) => first(sp.pageAccessGroups.list()),
  page_access_groups_create: (sp) => sp.pageAccessGroups.create({ name: 'Partners', component_ids: ['ftgks51sfs2d'] }),
  page_access_groups_get: (sp) => sp.pageAccessGroups.get('2z66jqcchrs9'),
  page_access_groups_update: (sp) => sp.pageAccessGroups.update('2z66jqcchrs9', { name: 'Payment partners' }),
  page_access_groups_delete: (sp) => sp.pageAccessGroups.delete('2z66jqcchrs9'),
  page_access_groups_list_components: (sp) => first(sp.pageAccessGroups.listComponents('2z66jqcchrs9')),
  page_access_groups_add_components: (sp) => sp.pageAccessGroups.addComponents('2z66jqcchrs9', { component_ids: two }),
  page_access_groups_replace_components: (sp) => sp.pageAccessGroups.replaceComponents('2z66jqcchrs9', { component_ids: two }),
  page_access_groups_remove_components: (sp) => sp.pageAccessGroups.removeComponents('2z66jqcchrs9', { component_ids: ['b13yz5g2cw10'] }),
  page_access_groups_remove_component: (sp) => sp.pageAccessGroups.removeComponent('2z66jqcchrs9', 'b13yz5g2cw10'),

  status_embed_config_get: (sp) => sp.statusEmbedConfig.get(),
  status_embed_config_update: (sp) => sp.statusEmbedConfig.update({ position: 'bottom-left', incident_text_color: '#ffffff' }),

  users_list: (sp) => first(sp.users.list()),
  users_create: (sp) => sp.users.create({ email: 'jane.doe@example.com', first_name: 'Jane', last_name: 'Doe' }),
  users_delete: (sp) => sp.users.delete('g29kx8h7zs74'),
  permissions_get: (sp) => sp.permissions.get('g29kx8h7zs74'),
  permissions_update: (sp) => sp.permissions.update('g29kx8h7zs74', { pages: { kctbh9vrtdwd: { incident_manager: true, maintenance_manager: true } } }),
};
