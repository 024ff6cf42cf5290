import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, ConfigurationError, VSparkClient, vsparkBaseUrl } from '../src/index.js';
import { COMPANY_TOKENS, csvFor, ROOT_TOKEN, startFakeVSpark, statusFor, type FakeVSpark } from './fake-vspark.js';

let fake: FakeVSpark;
beforeAll(async () => {
  fake = await startFakeVSpark();
});
afterAll(() => fake.close());

describe('VSparkClient configuration', () => {
  it('refuses to start without a token, before any request', () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      return new Response('{}');
    };
    const saved = process.env.VSPARK_TOKEN;
    delete process.env.VSPARK_TOKEN;
    try {
      expect(() => new VSparkClient({ host: fake.host, fetch })).toThrow(ConfigurationError);
    } finally {
      if (saved !== undefined) process.env.VSPARK_TOKEN = saved;
    }
    expect(calls).toBe(0);
  });

  it('reads the token and host from the environment', async () => {
    process.env.VSPARK_TOKEN = ROOT_TOKEN;
    process.env.VSPARK_HOST = fake.host;
    try {
      const companies = await new VSparkClient().config.companies();
      expect(Object.keys(companies)).toEqual(['Acme', 'Beta']);
    } finally {
      delete process.env.VSPARK_TOKEN;
      delete process.env.VSPARK_HOST;
    }
  });

  it('builds base URLs from host:port, secure, and full URLs; refuses junk', () => {
    expect(vsparkBaseUrl('vspark.local:3000')).toBe('http://vspark.local:3000');
    expect(vsparkBaseUrl('vspark.local:3000', true)).toBe('https://vspark.local:3000');
    expect(vsparkBaseUrl('https://vspark.local:3000/')).toBe('https://vspark.local:3000');
    expect(() => vsparkBaseUrl('host/with/path?x')).toThrow(ConfigurationError);
    // A URL with a query, fragment or user info is refused (the token goes in `{ token }`), never quoted with a token.
    for (const host of ['http://vspark.local:3000/?token=tok-in-the-url-123', 'http://me:tok-in-the-url-123@vspark.local:3000', 'vspark.local:3000/?token=tok-in-the-url-123']) {
      expect(() => vsparkBaseUrl(host)).toThrow(ConfigurationError);
      expect(() => vsparkBaseUrl(host)).not.toThrow(/tok-in-the-url-123/);
    }
    expect(() => vsparkBaseUrl(3000 as unknown as string)).toThrow(/host must be a string/);
    expect(() => new VSparkClient({ token: 't', host: 3000 as unknown as string })).toThrow(ConfigurationError);
  });
});

describe('VSparkClient calls', () => {
  const client = () => new VSparkClient({ host: fake.host, token: ROOT_TOKEN });

  it('lists companies and folders', async () => {
    const companies = await client().config.companies();
    expect(companies.Acme?.uuid).toBe(COMPANY_TOKENS.Acme);
    const folders = await client().config.folders();
    expect(Object.keys(folders.Beta?.['Beta-Ops'] ?? {})).toEqual(['Calls', 'Broken']);
  });

  it('reads a folder status as JSON by default and as CSV text on request', async () => {
    const json = await client().status.folder('Acme', 'Acme-Sales', 'Inbound');
    expect(json).toEqual(statusFor('Inbound'));
    const csv = await client().status.folder('Acme', 'Acme-Sales', 'Inbound', { format: 'csv' });
    expect(typeof csv).toBe('string');
    expect(csv).toContain('active,srvr1,7');
  });

  it('keeps CSV bytes exactly as served (byte-order mark and CRLF included)', async () => {
    const bytes = await client().folderStatusBytes({ company: 'Acme', org: 'Acme-Sales', folder: 'Inbound' }, { format: 'csv' });
    expect(Buffer.from(bytes).equals(Buffer.from(csvFor('Inbound'), 'utf8'))).toBe(true);
  });

  it('maps company tokens and walks every folder with its own company token', async () => {
    const c = client();
    expect(Object.fromEntries(await c.companyTokens())).toEqual(COMPANY_TOKENS);
    const refs = [];
    for await (const ref of c.walk()) refs.push(ref);
    expect(refs).toEqual([
      { company: 'Acme', org: 'Acme-Sales', folder: 'Inbound', token: COMPANY_TOKENS.Acme },
      { company: 'Acme', org: 'Acme-Sales', folder: 'Outbound', token: COMPANY_TOKENS.Acme },
      { company: 'Acme', org: 'Acme-Support', folder: 'Tier1', token: COMPANY_TOKENS.Acme },
      { company: 'Beta', org: 'Beta-Ops', folder: 'Calls', token: COMPANY_TOKENS.Beta },
      { company: 'Beta', org: 'Beta-Ops', folder: 'Broken', token: COMPANY_TOKENS.Beta },
    ]);
  });

  it('plain-JS callers get an error naming the argument before any request, for a bad enum or type', async () => {
    const before = fake.requests.length;
    const status = client().status as unknown as { folder(...args: unknown[]): Promise<unknown> };
    await expect(status.folder('Acme', 'Acme-Sales', 'Inbound', { format: 'xml' })).rejects.toThrow(
      /status\.folder: "format" must be one of "json", "csv"; got "xml"/,
    );
    await expect(status.folder('Acme', 'Acme-Sales', { x: 1 })).rejects.toBeInstanceOf(ConfigurationError);
    // The argument object of earlier versions says where the values go now.
    await expect(status.folder({ company: 'Acme', org: 'Acme-Sales', folder: 'Inbound' })).rejects.toThrow(
      /pass it first: status\.folder\(company, org, folder, params\?, options\?\)/,
    );
    expect(fake.requests.length).toBe(before);
  });

  it('throws a redacted AuthenticationError for a wrong token', async () => {
    const wrong = 'wrong-token-5e5e5e5e';
    const error = await new VSparkClient({ host: fake.host, token: wrong }).config.companies().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    const err = error as AuthenticationError;
    expect(err.status).toBe(401);
    expect(err.body).toBe('Unauthorized');
    for (const text of [err.message, err.url, JSON.stringify(err), String(err)]) expect(text).not.toContain(wrong);
    expect(err.url).toContain('token=[REDACTED]');
  });
});

describe('middleware', () => {
  it('use() sees the URL without the query token, which is added after it', async () => {
    const urls: string[] = [];
    const vspark = new VSparkClient({ host: fake.host, token: ROOT_TOKEN });
    vspark.use(async (request, next, { credential }) => (urls.push(`${request.url} ${credential}`), next(request)));
    await vspark.config.companies();
    expect(urls).toEqual([`${fake.url}/config ?token=[REDACTED]`]);
  });
});
