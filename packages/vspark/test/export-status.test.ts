import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError, exportStatus, statusFileName, VSparkClient } from '../src/index.js';
import { BROKEN, ROOT_TOKEN, startFakeVSpark, statusFor, type FakeVSpark } from './fake-vspark.js';

let fake: FakeVSpark | undefined;
afterEach(() => fake?.close());

function memorySink() {
  const files = new Map<string, Uint8Array>();
  return { files, write: async (name: string, bytes: Uint8Array) => void files.set(name, bytes) };
}

describe('exportStatus', () => {
  it('exports every folder with its company token, keeps going past a failing folder, reports it', async () => {
    fake = await startFakeVSpark();
    const sink = memorySink();
    const progress: number[] = [];
    const result = await exportStatus({
      client: new VSparkClient({ host: fake.host, token: ROOT_TOKEN }),
      format: 'json',
      write: sink.write,
      onProgress: (p) => progress.push(p.done),
    });
    expect(result.total).toBe(5);
    expect(result.written).toEqual([
      'Acme-Acme-Sales-Inbound-status.json',
      'Acme-Acme-Sales-Outbound-status.json',
      'Acme-Acme-Support-Tier1-status.json',
      'Beta-Beta-Ops-Calls-status.json',
    ]);
    expect(result.failed.map((f) => f.folder)).toEqual(['Broken']);
    expect(result.failed[0]?.error.message).toContain('404');
    expect(progress.sort()).toEqual([1, 2, 3, 4, 5]);
    // Every folder was read with its own company's token, never the root token.
    for (const [path, token] of fake.tokensUsed) expect(token, path).not.toBe(ROOT_TOKEN);
    expect(fake.tokensUsed.get(BROKEN)).toBeDefined();
  });

  it('writes JSON with sorted keys and 4-space indent, as the seed program does', async () => {
    fake = await startFakeVSpark();
    const sink = memorySink();
    await exportStatus({ client: new VSparkClient({ host: fake.host, token: ROOT_TOKEN }), format: 'json', write: sink.write });
    const text = new TextDecoder().decode(sink.files.get('Acme-Acme-Support-Tier1-status.json'));
    expect(JSON.parse(text)).toEqual(statusFor('Tier1'));
    expect(text.split('\n')[1]).toBe('    "mode": "active",');
    expect(text.indexOf('"mode"')).toBeLessThan(text.indexOf('"queued"'));
    expect(text.indexOf('"lastactive"')).toBeGreaterThan(0);
    expect(text.indexOf('"count"')).toBeLessThan(text.indexOf('"lastactive"'));
  });

  it('runs at most `concurrency` folders at once, and more than one', async () => {
    fake = await startFakeVSpark({ holdUntilInFlight: 2 });
    const sink = memorySink();
    await exportStatus({ client: new VSparkClient({ host: fake.host, token: ROOT_TOKEN }), format: 'csv', concurrency: 2, write: sink.write });
    expect(fake.maxInFlight).toBe(2);
  });

  it('refuses a bad concurrency or format before any request', async () => {
    fake = await startFakeVSpark();
    const client = new VSparkClient({ host: fake.host, token: ROOT_TOKEN });
    await expect(exportStatus({ client, format: 'json', concurrency: 0, write: async () => {} })).rejects.toThrow(ConfigurationError);
    // @ts-expect-error: format is 'json' | 'csv'
    await expect(exportStatus({ client, format: 'xml', write: async () => {} })).rejects.toThrow(ConfigurationError);
    expect(fake.requests).toEqual([]);
  });

  it('names files the seed way and never lets a server-provided name escape the folder', () => {
    expect(statusFileName({ company: 'Co', org: 'Co-Org', folder: 'F' }, 'csv')).toBe('Co-Co-Org-F-status.csv');
    const name = statusFileName({ company: '..', org: '../etc', folder: 'a\\b\nc' }, 'json');
    expect(name).not.toMatch(/[/\\\n]/);
    expect(name).toBe('..-.._etc-a_b_c-status.json');
  });
});
