// Screenshots that show the page. Now and then headless Chromium hands back a blank frame although the DOM is
// complete (seen with Chromium 150 after Redoc's hash navigation, about one shot in five while the machine was
// busy; a shot moments later was fine). So a shot of a single colour is retaken, and a page still blank after a
// few tries is an error: the page does not render.
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

const TRIES = 10;
const PAUSE_MS = 300;

/** The Paeth predictor of PNG filter type 4 (PNG spec, section 9.4). */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Whether every pixel of a PNG has the same colour. Reads what Chromium writes: 8-bit RGB or RGBA, not interlaced
 * (PNG spec, sections 11.2.2 IHDR, 9 filtering); throws on anything else rather than guess.
 */
export function isSingleColour(png: Buffer): boolean {
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8);
      channels = colourType === 2 ? 3 : colourType === 6 ? 4 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error('isSingleColour: not an 8-bit RGB(A) PNG');
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  let previous = Buffer.alloc(stride);
  const first = Buffer.alloc(channels);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? row[x - channels]! : 0;
      const up = previous[x]!;
      const upLeft = x >= channels ? previous[x - channels]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter!];
      if (predictor === undefined) throw new Error(`isSingleColour: unknown filter ${filter}`);
      row[x] = (row[x]! + predictor) & 0xff;
    }
    if (y === 0) row.copy(first, 0, 0, channels);
    for (let x = 0; x < stride; x++) if (row[x] !== first[x % channels]) return false;
    previous = row;
  }
  return true;
}

/** Saves a screenshot of the viewport to `path` once it is not a single colour; throws if it never is. */
export async function screenshotOnceRendered(page: Page, path: string): Promise<void> {
  for (let attempt = 1; attempt <= TRIES; attempt++) {
    if (!isSingleColour(await page.screenshot({ path }))) return;
    await page.waitForTimeout(PAUSE_MS);
  }
  throw new Error(`${page.url()} is still blank after ${TRIES} screenshots (${path})`);
}
