/** Times as VSS writes them: `2016-07-06 12:15:03 EDT`, Toronto's local time and zone (specs/vss.yaml, `created_on`). */

const TORONTO = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'America/Toronto',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** `date` in VSS's format. */
export function vssTime(date: Date): string {
  const part = Object.fromEntries(TORONTO.formatToParts(date).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} ${part.timeZoneName}`;
}
