/**
 * Every example of every spec agrees with what the real API was seen to send (test/examples/captured-formats.ts):
 * a value under a key the captures have is in the format the captures show for that key (Webex `created` as
 * `2016-07-26T21:05:00.330Z`, a VSS `created_on` as `2016-07-06 12:15:03 EDT`, a Webex `trackingId` as
 * `ROUTER_<UUID>`), and any other date is in a date format the captures show. Where Webex's official spec example
 * disagrees (`2015-10-18T14:26:16+00:00`), ours follows the captures.
 */
import { describe, expect, it } from 'vitest';
import { listSpecs } from '../../scripts/lib/specs.mjs';
import { loadSpec, namedExamples, responseExamples } from '../lib/spec-validator.js';
import { eachString, formatOf, isDateFormat } from '../lib/value-formats.js';
import { capturedFormats } from './captured-formats.js';

const vendors = listSpecs().map((spec: { vendor: string }) => spec.vendor);

describe.each(vendors)('%s examples', (vendor) => {
  const captured = capturedFormats(vendor);
  const spec = loadSpec(vendor);
  // Every response example, and every named example (request bodies included).
  const examples = [...responseExamples(spec), ...namedExamples(spec)];

  it('the captures show formats to check against', () => {
    expect(captured.byKey.size).toBeGreaterThan(0);
  });

  it('use the captured format of each key the captures have, and a captured date format for every other date', () => {
    const disagreements: string[] = [];
    for (const { where, value } of examples) {
      eachString(value, (key, text, path) => {
        const format = formatOf(text);
        const expected = captured.byKey.get(key);
        if (expected && !expected.has(format ?? '')) disagreements.push(`${where} ${path} = ${JSON.stringify(text)}: ${format ?? 'free text'}, captured as ${[...expected].join(' or ')}`);
        else if (!expected && isDateFormat(format) && !captured.dates.has(format!)) disagreements.push(`${where} ${path} = ${JSON.stringify(text)}: ${format}, captured dates are ${[...captured.dates].join(' or ')}`);
      });
    }
    expect(disagreements).toEqual([]);
  });
});
