#!/usr/bin/env node
// Example: the V-Spark status export against a V-Spark (by default, the Prism mock `npm start` runs).
// Usage: node examples/vspark-status-export.mjs [baseUrl] — the root token comes from VSPARK_TOKEN.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportStatus, VSparkClient } from '@apiclients/vspark';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4013';
// Prism accepts any token; a real installation needs its root token (/opt/voci/state/vspark/apitoken).
const token = process.env.VSPARK_TOKEN ?? 'example-root-token';
const outDir = mkdtempSync(join(tmpdir(), 'vspark-export-'));

const vspark = new VSparkClient({ baseUrl, token });
try {
  const companies = await vspark.config.companies();
  console.log(`companies: ${Object.keys(companies).join(', ')}`);

  const result = await exportStatus({
    client: vspark,
    format: 'csv',
    write: async (fileName, bytes) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(join(outDir, fileName), bytes);
    },
  });
  for (const file of result.written) {
    console.log(`wrote ${file}:`);
    console.log(readFileSync(join(outDir, file), 'utf8').trimEnd().replace(/^/gm, '  '));
  }
  console.log(`${result.written.length} of ${result.total} folders exported (to a temporary folder, removed now)`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
