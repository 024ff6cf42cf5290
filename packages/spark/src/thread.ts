/**
 * A whole thread of Webex messages: the parent, then its replies oldest first. Webex threads are one level deep
 * (a reply's `parentId` is the thread's first message) and `GET /messages?parentId=` lists replies newest first
 * (developer.webex.com, "List Messages": "sorts the messages in descending order by creation date"), so the replies
 * are read to the end before the first one is yielded.
 */
import { isWholeNumber } from '@apiclients/core/internal';
import type { PagedList } from '@apiclients/core';

/** What {@link Thread} needs of a message. */
export interface ThreadMessage {
  id?: string | undefined;
  roomId?: string | undefined;
  parentId?: string | undefined;
}

/** How a {@link Thread} reads Webex: one message, and a room's replies to one. */
export interface ThreadSource<M extends ThreadMessage> {
  get(messageId: string): Promise<M>;
  replies(roomId: string, parentId: string): PagedList<M>;
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
    const newestFirst = await this.#source.replies(parent.roomId, parent.id).toArray();
    yield* newestFirst.reverse().slice(0, this.#limit - 1);
  }

  /** Every message of the thread, parent first. */
  async toArray(): Promise<M[]> {
    const all: M[] = [];
    for await (const message of this) all.push(message);
    return all;
  }
}
