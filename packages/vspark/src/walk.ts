/** The hierarchy walk: company → organization → folder, each with its company's token. */
import { recordOf } from '@apiclients/core/internal';
import type { VSparkClient } from './client.js';

/** One folder of the installation and the token to read it with. */
export interface FolderRef {
  /** Company short name. */
  company: string;
  /** Organization short name. */
  org: string;
  /** Folder name. */
  folder: string;
  /** The company's token (a secret: never print it). */
  token: string;
}

/** Yields every folder with its company's token; `/config` and `/config/folders` are read concurrently. */
export async function* walkFolders(
  client: VSparkClient,
  fallbackToken: string,
  options: { signal?: AbortSignal },
): AsyncGenerator<FolderRef> {
  const [tokens, tree] = await Promise.all([client.companyTokens(options), client.config.folders(options)]);
  // Entries of `null` (or of any other non-object) are an InvalidResponseError naming where, never a TypeError.
  for (const [company, orgs] of Object.entries(recordOf(tree, 'GET /config/folders'))) {
    // The original export program indexes tokens[comp] and crashes on a company /config lacks; the client's own token is the fallback.
    const token = tokens.get(company) ?? fallbackToken;
    for (const [org, folders] of Object.entries(recordOf(orgs, `GET /config/folders: company ${JSON.stringify(company)}`))) {
      const names = recordOf(folders, `GET /config/folders: org ${JSON.stringify(`${company}/${org}`)}`);
      for (const folder of Object.keys(names)) yield { company, org, folder, token };
    }
  }
}
