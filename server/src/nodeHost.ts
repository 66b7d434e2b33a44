// The workspace host for Node: walks the workspace folders on disk.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { decodeText } from './core/encoding';
import { isSkippedName, type WorkspaceHost } from './host';

export const nodeHost: WorkspaceHost = {
  async listOkrFiles(folders) {
    const found: string[] = [];
    for (const folder of folders) {
      const uri = URI.parse(folder);
      if (uri.scheme !== 'file') continue;
      await walk(uri.fsPath, found);
    }
    return found;
  },
  async readFile(uri) {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return undefined;
    try {
      return decodeText(await fs.readFile(parsed.fsPath));
    } catch {
      return undefined;
    }
  },
};

async function walk(dir: string, found: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return; // A folder that vanished or cannot be read holds no OKRs we can index.
  }
  for (const entry of entries) {
    if (isSkippedName(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, found);
    else if (entry.isFile() && entry.name.endsWith('.okr')) found.push(URI.file(full).toString());
  }
}
