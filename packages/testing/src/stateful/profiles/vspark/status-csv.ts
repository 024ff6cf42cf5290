/**
 * `/status?format=csv` as V-Spark writes it: a heading, then one row per ASR server of each folder
 * (specs/vspark.yaml, example `StatusCsv`, the folder level: `mode,server,server_status,queued_count,queued_lastactive`).
 * The levels above a folder name the folder of each row in leading columns, the parts the URL does not give:
 * `folder` for an organization, `org,folder` for a company, `company,org,folder` for the installation.
 * Lines end with `\n`, the last one too; a field holding `,`, `"` or a line break is quoted (RFC 4180).
 */
import type { Json } from '../../spec-ref.js';

/** A folder's status and where it is. */
export interface FolderRow {
  company: string;
  org: string;
  folder: string;
  status: Json;
}

const PATH_COLUMNS = ['company', 'org', 'folder'] as const;
const STATUS_COLUMNS = ['mode', 'server', 'server_status', 'queued_count', 'queued_lastactive'];

/** The CSV of `folders` at a level whose URL names the first `named` parts of the path (0 to 3). */
export function statusCsv(folders: readonly FolderRow[], named: 0 | 1 | 2 | 3): string {
  const path = PATH_COLUMNS.slice(named);
  const lines: string[][] = [[...path, ...STATUS_COLUMNS]];
  for (const row of folders) {
    const { mode = '', servers = {}, queued = {} } = row.status as { mode?: string; servers?: Record<string, string>; queued?: { count?: number; lastactive?: string } };
    const where = path.map((part) => row[part]);
    const serverRows = Object.entries(servers);
    for (const [server, state] of serverRows.length > 0 ? serverRows : [['', ''] as const]) {
      lines.push([...where, mode, server, state, String(queued.count ?? ''), queued.lastactive ?? '']);
    }
  }
  return lines.map((fields) => fields.map(csvField).join(',')).join('\n') + '\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
