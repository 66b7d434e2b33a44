// "OKR: Import from CSV or Excel…": the command line's import (server/src/import) in the editor.
// Files are read and written through vscode.workspace.fs, so it works in VS Code for the web too.
import * as vscode from 'vscode';
import { importOkrs, isImportError, type GroupBy, type ImportResult } from '../../server/src/import';

export const IMPORT_COMMAND = 'okr.importFromSpreadsheet';

export function registerImport(context: vscode.ExtensionContext): void {
  let output: vscode.OutputChannel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand(IMPORT_COMMAND, async (source?: vscode.Uri, target?: vscode.Uri, by?: GroupBy) => {
      output ??= vscode.window.createOutputChannel('OKR Import');
      context.subscriptions.push(output);
      return runImport(output, source, target, by);
    }),
  );
}

const baseName = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;

/**
 * Asks for the file, the folder and the grouping (unless given: tests pass them), writes the files
 * and opens them. Returns the written files' URIs (none when cancelled or on bad input).
 */
async function runImport(output: vscode.OutputChannel, source?: vscode.Uri, target?: vscode.Uri, by?: GroupBy): Promise<vscode.Uri[]> {
  source ??= (
    await vscode.window.showOpenDialog({
      title: 'Import OKRs: a Viva Goals export, a spreadsheet, or okr export --format json',
      openLabel: 'Import',
      canSelectMany: false,
      filters: { 'CSV, Excel or JSON': ['csv', 'xlsx', 'json', 'txt'], 'All files': ['*'] },
    })
  )?.[0];
  if (!source) return [];
  target ??= (
    await vscode.window.showOpenDialog({
      title: 'Import OKRs: the folder to write the .okr files into',
      openLabel: 'Write the .okr files here',
      canSelectFiles: false,
      canSelectFolders: true,
      defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    })
  )?.[0];
  if (!target) return [];
  if (!by) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'One file per team', by: 'team' as const },
        { label: 'One file per level', by: 'level' as const },
      ],
      { title: 'Import OKRs: how to split them into files' },
    );
    if (!picked) return [];
    by = picked.by;
  }
  const name = baseName(source);
  let result: ImportResult;
  try {
    result = importOkrs(await vscode.workspace.fs.readFile(source), name, { by });
  } catch (error) {
    void vscode.window.showErrorMessage(`Cannot import ${name}: ${isImportError(error) ? error.message : error instanceof Error ? error.message : String(error)}`);
    return [];
  }
  const uris = result.files.map((file) => vscode.Uri.joinPath(target!, file.name));
  const existing: string[] = [];
  for (const uri of uris) {
    if (await vscode.workspace.fs.stat(uri).then(() => true, () => false)) existing.push(baseName(uri));
  }
  if (existing.length) {
    const answer = await vscode.window.showWarningMessage(`${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${baseName(target)}. Overwrite?`, { modal: true }, 'Overwrite');
    if (answer !== 'Overwrite') return [];
  }
  const encoder = new TextEncoder();
  for (const [i, file] of result.files.entries()) await vscode.workspace.fs.writeFile(uris[i]!, encoder.encode(file.text));
  output.appendLine(`Imported ${name} (${result.source}) into ${target.toString(true)}:`);
  for (const file of result.files) output.appendLine(`  wrote ${file.name}`);
  if (result.kept.length) {
    output.appendLine(`  kept as comments, with no place in the language (${result.kept.length}):`);
    for (const note of result.kept) output.appendLine(`    ${note.file} ${note.item}${note.row !== undefined ? ` (row ${note.row})` : ''}: ${note.label}: ${note.text.replace(/\s+/g, ' ')}`);
  }
  const okrFiles = uris.filter((uri) => uri.path.endsWith('.okr'));
  for (const uri of okrFiles) await vscode.window.showTextDocument(uri, { preview: false, preserveFocus: uri !== okrFiles[0] });
  const summary = `Imported ${name}: ${okrFiles.length} .okr file${okrFiles.length === 1 ? '' : 's'}`;
  if (result.kept.length) {
    void vscode.window.showWarningMessage(`${summary}; ${result.kept.length} value${result.kept.length === 1 ? ' has' : 's have'} no place in the language and ${result.kept.length === 1 ? 'is' : 'are'} kept as comments.`, 'Show').then((choice) => choice && output.show());
  } else void vscode.window.showInformationMessage(summary);
  return uris;
}
