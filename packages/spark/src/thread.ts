/**
 * A whole thread of Webex messages: the parent, then its replies oldest first. Webex threads are one level deep
 * (a reply's `parentId` is the thread's first message) and `GET /messages?parentId=` lists replies newest first
 * (developer.webex.com, "List Messages": "sorts the messages in descending order by creation date"), so the replies
 * are read to the end before the first one is yielded.
 *
 * A bot reads less of a group room's thread. "Bots must include this parameter to list messages in group rooms
 * (spaces)" (https://developer.webex.com/docs/api/v1/messages/list-messages, `mentionedPeople`): without
 * `mentionedPeople=me` Webex answers a bot 403 "Failed to get activity."
 * (https://github.com/jbogarin/go-cisco-webex-teams/issues/9). So in a group room a bot's thread lists
 * the replies with `mentionedPeople=me`: the parent, then the replies that mention the bot, which is what Webex lets
 * a bot see there ("in group spaces, bots only have access to messages in which they are mentioned",
 * https://developer.webex.com/docs/bots, "Differences Between Bots and People").
 */
import { isWholeNumber } from '@apiclients/core/internal';
import type { PagedList } from '@apiclients/core';

/** What {@link Thread} needs of a message. */
export interface ThreadMessage {
  id?: string | undefined;
  roomId?: string | undefined;
  parentId?: string | undefined;
  roomType?: string | undefined;
}

/** How a {@link Thread} reads Webex: one message, a room's replies to one, and whether the caller is a bot. */
export interface ThreadSource<M extends ThreadMessage> {
  get(messageId: string): Promise<M>;
  /** The replies to `parentId`; with `mentionedMe`, only those that mention the caller (`mentionedPeople=me`). */
  replies(roomId: string, parentId: string, mentionedMe: boolean): PagedList<M>;
  /** Whether the token is a bot's (asked only for a thread in a group room); without it, the caller is a person. */
  callerIsBot?(): Promise<boolean>;
}

/**
 * An async iterable of a thread's messages: the parent first, then each reply in the order it was posted. Each
 * iteration reads Webex again; `toArray()` collects, `take(n)` stops after n messages. Given a reply's ID, it
 * starts from the reply's parent, so any message of a thread gives the whole thread.
 */
export class Thread<M extends ThreadMessage> implements AsyncIterable<M> {
  readonly #source: ThreadSource<M>;
  readonly #messageId: string;
  readonly #limit: number;

  /** A thread from any of its messages' IDs, read through `source`. */
  constructor(source: ThreadSource<M>, messageId: string, limit = Infinity) {
    this.#source = source;
    this.#messageId = messageId;
    this.#limit = limit;
  }

  /** The same thread, stopping after `count` messages (the parent counts as one). */
  take(count: number): Thread<M> {
    if (!isWholeNumber(count, 0)) throw new RangeError(`take() needs a whole number ≥ 0, got ${count}`);
    return new Thread(this.#source, this.#messageId, Math.min(count, this.#limit));
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<M, void, undefined> {
    if (this.#limit <= 0) return;
    const first = await this.#source.get(this.#messageId);
    const parent = first.parentId ? await this.#source.get(first.parentId) : first;
    yield parent;
    if (this.#limit <= 1 || !parent.id || !parent.roomId) return;
    const mentionedMe = parent.roomType === 'group' && ((await this.#source.callerIsBot?.()) ?? false);
    const newestFirst = await this.#source.replies(parent.roomId, parent.id, mentionedMe).toArray();
    yield* newestFirst.reverse().slice(0, this.#limit - 1);
  }

  /** Every message of the thread, parent first. */
  async toArray(): Promise<M[]> {
    const all: M[] = [];
    for await (const message of this) all.push(message);
    return all;
  }
}
