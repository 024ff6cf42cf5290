/**
 * The V-Spark sample program ("Using the /status API with Python", ../shared/seeds/000), replayed against the
 * V-Spark mock with plain fetch as python-requests sends it (`Accept: *\/*`): /config for the company tokens,
 * /config/folders for the hierarchy, then /status of every folder with `format=json` and `format=csv`. Each must be
 * answered with 200 and the media type that `format` names, whatever Accept says; the CSV's first row is its heading.
 */
import { describe, expect, inject, it } from 'vitest';
import { replay } from './replay.js';

const base = inject('prism').vspark as string;
const requestsHeaders = { Accept: '*/*', 'User-Agent': 'python-requests/2.31.0' };
const get = (path: string) => replay(base, { call: path, method: 'GET', path, headers: requestsHeaders });

describe('the V-Spark sample program against the V-Spark mock', () => {
  it('walks companies, organizations and folders, and writes each folder status as JSON and as CSV', async () => {
    // gettokens(): company short name → its token (`uuid`).
    const config = await get('/config?token=installation-token');
    expect([config.status, config.mediaType]).toEqual([200, 'application/json']);
    const tokens = Object.fromEntries(Object.entries(config.json as Record<string, { uuid: string }>).map(([company, data]) => [company, data.uuid]));
    expect(Object.values(tokens).every((token) => /^[0-9a-f]{32,33}$/.test(token))).toBe(true);

    // getfolderinfo(): company → organization → folder.
    const folders = await get('/config/folders?token=installation-token');
    expect([folders.status, folders.mediaType]).toEqual([200, 'application/json']);
    const walked: string[] = [];
    for (const [company, organizations] of Object.entries(folders.json as Record<string, Record<string, Record<string, unknown>>>)) {
      for (const [organization, folderMap] of Object.entries(organizations)) {
        for (const folder of Object.keys(folderMap)) {
          // writefolderstatus(), once per output format.
          const path = `/status/${company}/${organization}/${folder}?token=${tokens[company] ?? 'installation-token'}`;
          const json = await get(`${path}&format=json`);
          expect([json.status, json.mediaType]).toEqual([200, 'application/json']);
          expect(json.json).toMatchObject({ mode: expect.any(String), servers: expect.any(Object) });
          const csv = await get(`${path}&format=csv`);
          expect([csv.status, csv.mediaType]).toEqual([200, 'text/csv']);
          const [heading, ...rows] = csv.text.trim().split('\n');
          expect(heading).toMatch(/^[a-z_]+(,[a-z_]+)+$/);
          expect(rows.length).toBeGreaterThan(0);
          walked.push(`${company}/${organization}/${folder}`);
        }
      }
    }
    expect(walked.length).toBeGreaterThan(0);
  });

  it.each(['/status', '/status/DocTestCo', '/status/DocTestCo/DocTestCo'])('%s answers CSV for format=csv and JSON for format=json', async (path) => {
    expect((await get(`${path}?token=t&format=csv`)).mediaType).toBe('text/csv');
    expect((await get(`${path}?token=t&format=json`)).mediaType).toBe('application/json');
  });

  it('without a token: 401 with a text body', async () => {
    const answer = await get('/config');
    expect(answer.status).toBe(401);
    expect(answer.text.length).toBeGreaterThan(0);
  });
});
