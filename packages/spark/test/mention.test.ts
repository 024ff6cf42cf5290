/**
 * textWithoutMention: the bot's leading mention dropped only when the message mentions the bot (`mentionedPeople`)
 * and the text starts with its display name or that name's first word.
 */
import { describe, expect, it } from 'vitest';
import { textWithoutMention } from '../src/node.js';

const ME = { id: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9ib3Q', displayName: 'Echo Bot' };
const mentioning = (text: string | undefined) => ({ text, mentionedPeople: ['Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hbGljZQ', ME.id] });

describe('textWithoutMention', () => {
  it.each([
    ['Echo Bot release 2.0', 'release 2.0'],
    ['Echo release 2.0', 'release 2.0'],
    ['  Echo Bot   help', 'help'],
    ['Echo Bot', ''],
    ['Echo Bot, deploy', ', deploy'],
    ['Echo Bot\nstatus\nplease', 'status\nplease'],
  ])('%j mentioning the bot is %j', (text, expected) => {
    expect(textWithoutMention(mentioning(text), ME)).toBe(expected);
  });

  it('keeps the text when the name is only the start of a word, not at the start, or another mention', () => {
    expect(textWithoutMention(mentioning('Echoes of release 2.0'), ME)).toBe('Echoes of release 2.0');
    expect(textWithoutMention(mentioning('Alice asks Echo Bot for help'), ME)).toBe('Alice asks Echo Bot for help');
    expect(textWithoutMention(mentioning('echo bot help'), ME)).toBe('echo bot help');
  });

  it('keeps the text of a message that does not mention the bot, whatever it starts with', () => {
    expect(textWithoutMention({ text: 'Echo Bot is down again' }, ME)).toBe('Echo Bot is down again');
    expect(textWithoutMention({ text: 'Echo Bot is down', mentionedPeople: ['someone else'] }, ME)).toBe('Echo Bot is down');
  });

  it('gives an empty string for a message without text, and the text for a bot without an id or a name', () => {
    expect(textWithoutMention(mentioning(undefined), ME)).toBe('');
    expect(textWithoutMention(mentioning('Echo Bot help'), { id: ME.id })).toBe('Echo Bot help');
    expect(textWithoutMention(mentioning('Echo Bot help'), { displayName: 'Echo Bot' })).toBe('Echo Bot help');
  });

  it('a one-word name is the whole name', () => {
    const solo = { id: ME.id, displayName: 'Jarvis' };
    expect(textWithoutMention(mentioning('Jarvis deploy'), solo)).toBe('deploy');
    expect(textWithoutMention(mentioning('Jarvisdeploy'), solo)).toBe('Jarvisdeploy');
  });
});
