/**
 * The events a webhook receiver hands to user code: Webex's delivery envelope (developer.webex.com, "Webhooks":
 * the webhook's own fields, `resource`, `event`, `actorId`, and in `data` the changed resource, for messages only
 * IDs and metadata), typed by resource and event, with `fetch()` to read the whole resource through a client.
 */
import { ConfigurationError, type CallOptions } from '@apiclients/core';
import type { components } from './generated.js';

type Schemas = components['schemas'];

/** The resources a webhook watches, as `resource` spells them. */
export type WebhookResourceName = Schemas['WebhookResource'];
/** The events a webhook fires on, as `event` spells them. */
export type WebhookEventName = Schemas['WebhookEventType'];
/** `resource.event`, the key of a handler in `on` (`'messages.created'`, `'attachmentActions.created'`, …). */
export type WebhookEventKey = `${WebhookResourceName}.${WebhookEventName}`;

/** What `event.fetch()` reads for each resource it can read. */
export interface FetchedResources {
  messages: Schemas['Message'];
  attachmentActions: Schemas['AttachmentAction'];
  memberships: Schemas['Membership'];
  rooms: Schemas['Room'];
}

/**
 * What a delivery's `data` holds of each resource: a message's IDs and metadata but not its text, an attachment
 * action's but not its inputs (developer.webex.com/docs/webhooks, "Handling Requests from Webex": read the whole
 * resource with its ID), a membership or room whole. Webex may leave any field out but `id`.
 */
export interface WebhookEventData {
  messages: Pick<Schemas['Message'], 'roomId' | 'roomType' | 'parentId' | 'personId' | 'personEmail' | 'mentionedPeople' | 'mentionedGroups' | 'files' | 'created' | 'updated'>;
  attachmentActions: Pick<Schemas['AttachmentAction'], 'type' | 'messageId' | 'personId' | 'roomId' | 'created'>;
  memberships: Schemas['Membership'];
  rooms: Schemas['Room'];
}

/** The client calls the receiver makes (`event.fetch()`, and `people.me()` for `ignoreOwn`): a `SparkClient` has them all. */
export interface WebhookFetcher {
  messages: { get(messageId: string, options?: CallOptions): Promise<Schemas['Message']> };
  attachmentActions: { get(id: string, options?: CallOptions): Promise<Schemas['AttachmentAction']> };
  memberships: { get(membershipId: string, options?: CallOptions): Promise<Schemas['Membership']> };
  rooms: { get(roomId: string, options?: CallOptions): Promise<Schemas['Room']> };
  /** Who the token is, asked once by a receiver with `ignoreOwn`. */
  people?: { me(): Promise<Pick<Schemas['Person'], 'id'>> };
}

/** A delivery, verified and parsed: the envelope, typed by its resource and event. */
export type ReceivedWebhookEvent<R extends string = WebhookResourceName, E extends string = WebhookEventName> = Omit<
  Schemas['WebhookEvent'],
  'resource' | 'event' | 'data'
> & {
  resource: R;
  event: E;
  /**
   * The changed resource: always its `id`; for messages, IDs and metadata but not the text, typed by resource
   * ({@link WebhookEventData}); other fields Webex sends are there untyped.
   */
  data: { id: string } & (R extends keyof WebhookEventData ? Partial<WebhookEventData[R]> : unknown) & Record<string, unknown>;
  /**
   * Reads the whole resource through the receiver's `client` (Webex sends only IDs): the message, attachment action
   * (a card's inputs), membership or room. A deleted resource answers 404 (a `SparkApiError`); other resources, or
   * no `client`, are a `ConfigurationError`.
   */
  fetch(options?: CallOptions): Promise<R extends keyof FetchedResources ? FetchedResources[R] : never>;
};

type ResourceOf<K extends string> = K extends `${infer R}.${string}` ? R : never;
type EventOf<K extends string> = K extends `${string}.${infer E}` ? E : never;

/** A user handler: resolves when the event is dealt with (then Webex gets 200); a throw gives Webex a 500. */
export type WebhookEventHandler<Event> = (event: Event) => unknown;

/** Handlers by `resource.event`; each gets its event typed. */
export type WebhookHandlers = {
  [K in WebhookEventKey]?: WebhookEventHandler<ReceivedWebhookEvent<ResourceOf<K>, EventOf<K>>>;
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The envelope in `parsed`, or undefined when it is not one: an object with string `resource` and `event`, and `data.id`. */
export function envelopeOf(parsed: unknown): (Schemas['WebhookEvent'] & { resource: string; event: string; data: { id: string } }) | undefined {
  if (!isObject(parsed) || typeof parsed.resource !== 'string' || typeof parsed.event !== 'string') return undefined;
  if (!isObject(parsed.data) || typeof parsed.data.id !== 'string') return undefined;
  return parsed as never;
}

const READERS: { [R in keyof FetchedResources]: (client: WebhookFetcher, id: string, options?: CallOptions) => Promise<FetchedResources[R]> } = {
  messages: (client, id, options) => client.messages.get(id, options),
  attachmentActions: (client, id, options) => client.attachmentActions.get(id, options),
  memberships: (client, id, options) => client.memberships.get(id, options),
  rooms: (client, id, options) => client.rooms.get(id, options),
};

/** The event handed to user code: the envelope with `fetch()`. */
export function toReceivedEvent(envelope: NonNullable<ReturnType<typeof envelopeOf>>, client: WebhookFetcher | undefined): ReceivedWebhookEvent<string, string> {
  const { resource } = envelope;
  return {
    ...envelope,
    data: envelope.data,
    fetch(options?: CallOptions) {
      const read = Object.hasOwn(READERS, resource) ? READERS[resource as keyof FetchedResources] : undefined;
      if (!read) return Promise.reject(new ConfigurationError(`event.fetch(): Webex has no resource to read for "${resource}" events`));
      if (!client) return Promise.reject(new ConfigurationError('event.fetch(): pass { client } to createWebhookHandler to read resources'));
      return read(client, envelope.data.id, options) as never;
    },
  };
}
