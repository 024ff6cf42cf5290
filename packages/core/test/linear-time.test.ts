/**
 * Every pattern run on server-controlled text takes time linear in its length: a 1 MB adversarial input (built to
 * make a backtracking pattern rescan from every position) costs about what a benign input of the same size does.
 * Before, the redactor took about 2 s on a 48 kB error body (minutes at 1 MB) and the Retry-After and Link
 * parsers about 125 ms per 16 kB header: quadratic inputs at 1 MB would run for minutes, far past the bound here.
 */
import { describe, expect, it } from 'vitest';
import { parseBody, parseLinkHeader, Redactor, retryAfterMs } from '../src/internal.js';

const MB = 1 << 20;
/** `unit` repeated to exactly 1 MB. */
const fill = (unit: string) => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);

/** The fastest of three runs, in ms. */
function fastest(run: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

// A benign run faster than this is compared as this: timer noise must not make a ratio of two tiny numbers.
const FLOOR_MS = 5;
// Linear code stays within a small factor of the benign input; quadratic code at 1 MB is thousands of times slower.
const MAX_RATIO = 20;

const redactor = new Redactor(['tok_abcdef123456', `Bearer ey.tok-${'x'.repeat(20)}`, 'pw1']);
const PARSERS: { name: string; run: (input: string) => unknown; benign: string; adversarial: Record<string, string> }[] = [
  {
    name: 'Redactor.text',
    run: (input) => redactor.text(input),
    benign: fill('The quick brown fox jumps over the lazy dog. '),
    adversarial: {
      'a run of scheme characters (a-a-a-…)': fill('a-'),
      'a scheme with no user info end': `a://${fill('b')}`,
      'scheme words without credentials': fill('Bearer '),
      'secret parameter names without values': fill(' token='),
      'dotted words': fill('a.'),
      'a short secret, repeated, glued to letters': fill('pw'),
      'a secret almost repeated': fill('tok_abcdef12345'),
      'half escapes': fill('\\u0'),
      'scheme prefixes': fill('a:/'),
    },
  },
  {
    name: 'Redactor.value (a parsed body)',
    run: (input) => redactor.value({ message: input, errors: [input] }),
    benign: fill('The quick brown fox jumps over the lazy dog. '),
    adversarial: { 'a run of scheme characters': fill('a-'), 'dotted words': fill('x.') },
  },
  {
    name: 'retryAfterMs',
    run: (input) => retryAfterMs(new Headers({ 'retry-after': input, 'retry-after-ms': input })),
    benign: fill('Wed, 21 Oct 2015 07:28:00 GMT '),
    adversarial: {
      'letters then spaces': `Mon${fill(' ')}`,
      'three letters, no digit': fill('aaa'),
      'digits then a letter': `${fill('1')}x`,
      'spaces then a letter': `${fill(' ')}x`,
      'a day name then junk': `Sun${fill('x')}`,
    },
  },
  {
    name: 'parseLinkHeader',
    run: (input) => parseLinkHeader(input),
    benign: fill('<https://api.example.test/v1/people?max=10&cursor=abc>; rel="next", '),
    adversarial: {
      'one link, endless parameters': `<a>${fill(';a=b')}`,
      'one link, endless spaces': `<a>;${fill(' ')}`,
      'endless escapes in a quoted value': `<a>; rel="${fill('\\"')}`,
      'endless empty parameters': `<a>${fill('; ')}`,
      'endless opening brackets': fill('<'),
      'endless links': fill('<a>'),
    },
  },
  {
    name: 'parseBody',
    run: (input) => parseBody(input, null),
    // JSON of as many objects as the adversarial input opens, so that both pay JSON.parse's cost per object.
    benign: `[${fill('{"a":{"b":1}},')}{}]`,
    adversarial: { 'spaces before text': `${fill(' ')}x`, 'unclosed objects': fill('{"a":') },
  },
];

describe.each(PARSERS)('$name on 1 MB of server text', ({ run, benign, adversarial }) => {
  it.each(Object.entries(adversarial))('%s: within 20× of a benign 1 MB input', (_, input) => {
    run(benign); // warm up
    const benignMs = Math.max(fastest(() => run(benign)), FLOOR_MS);
    const adversarialMs = fastest(() => run(input));
    expect(adversarialMs / benignMs, `${adversarialMs.toFixed(1)} ms vs ${benignMs.toFixed(1)} ms`).toBeLessThan(MAX_RATIO);
  });
});
