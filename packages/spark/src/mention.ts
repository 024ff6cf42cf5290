/**
 * A message's text without the mention of the bot it starts with. In a group room a bot is told only of the
 * messages that mention it ("In group spaces, bots must be @mentioned to access the message",
 * https://developer.webex.com/docs/bots), so nearly every command a bot reads there starts with its name: "Echo
 * release 2.0" where the user typed "@Echo Bot release 2.0".
 *
 * What the rule rests on, and only that:
 * - `text` is "the message, in plain text" (https://developer.webex.com/docs/api/v1/messages/get-message-details),
 *   where a mention is the name it shows;
 * - `mentionedPeople` holds "People IDs for anyone mentioned in the message" (the same page): without the bot's ID
 *   the message does not mention it, and a name at its start is just a word;
 * - "Only the bot's 'first name' will be shown when mentioned in messages" (https://developer.webex.com/bots.html,
 *   "Creating a Webex Teams Bot"): the name shown is the bot's display name or its first word.
 * The `html` form (`<spark-mention data-object-type="person" data-object-id="…">`) is not read: developer.webex.com
 * describes `html` only as "used by the Webex clients", not its markup.
 */
import type { components } from './generated.js';

type Schemas = components['schemas'];

/** What {@link textWithoutMention} reads of a message: its `text` and `mentionedPeople`. */
export interface MentioningMessage {
  text?: Schemas['Message']['text'] | undefined;
  mentionedPeople?: readonly string[] | undefined;
}

/** What {@link textWithoutMention} reads of the bot: `people.me()`'s `id` and `displayName`. */
export interface MentionedPerson {
  id?: Schemas['Person']['id'] | undefined;
  displayName?: Schemas['Person']['displayName'] | undefined;
}

// A name ends where no letter, digit or underscore follows: "Echo" is not the start of "Echoes".
const NAME_END = /^(?![\p{L}\p{N}_])\s*/u;

/**
 * `message.text` without the mention of `me` it starts with, and the spaces after it: "Echo Bot release 2.0" (or
 * "Echo release 2.0") is "release 2.0" for the bot "Echo Bot". The text is returned as it is (an empty string when it
 * has none) unless `message.mentionedPeople` holds `me.id` and the text starts with `me.displayName` or its first
 * word. Other mentions, and a mention later in the text, stay.
 *
 * @example
 * const me = await spark.people.me();
 * const message = await event.fetch();
 * if (textWithoutMention(message, me) === 'help') await spark.messages.reply(message, { markdown: HELP });
 */
export function textWithoutMention(message: MentioningMessage, me: MentionedPerson): string {
  const text = message.text ?? '';
  const name = me.displayName?.trim();
  if (!me.id || !name || !message.mentionedPeople?.includes(me.id)) return text;
  const start = text.trimStart();
  const firstWord = name.split(/\s+/)[0]!;
  // The whole name first: "Echo Bot" before "Echo".
  for (const shown of new Set([name, firstWord])) {
    if (!start.startsWith(shown)) continue;
    const end = NAME_END.exec(start.slice(shown.length));
    if (end) return start.slice(shown.length + end[0].length);
  }
  return text;
}
