// The language server's editing features through VS Code's own commands, on the samples: what
// `aligns to ` completes to, the hover of an objective, a rename across files and a quick fix.
// Every change is made in memory and thrown away: samples/ is never saved.
import * as vscode from 'vscode';
import {
  AssertionError,
  activateExtension,
  codeOf,
  describeDiagnostics,
  equal,
  findOnLine,
  ok,
  openSample,
  replaceInMemory,
  revert,
  sampleUri,
  waitFor,
} from '../helpers';

const sales = 'ai-search/sales.okr';
const company = 'ai-search/company.okr';

/** `scheme:path` of a URI, to compare URIs whatever their query or encoding. */
function key(uri: vscode.Uri): string {
  return `${uri.scheme}:${uri.path}`;
}

/** The line of `objective ID:` in `document`. */
function objectiveLine(document: vscode.TextDocument, id: string): number {
  for (let line = 0; line < document.lineCount; line++) {
    if (new RegExp(`^objective\\s+${id}\\s*:`).test(document.lineAt(line).text)) return line;
  }
  throw new AssertionError(`no "objective ${id}:" in ${document.uri.toString()}`);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n\n');
}

function isUnknownRevenue(diagnostic: vscode.Diagnostic): boolean {
  return codeOf(diagnostic) === 'unknown-reference' && diagnostic.message.includes('revenue');
}

suite('editing', () => {
  let original = '';

  suiteSetup(async () => {
    await activateExtension();
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(sampleUri(sales))); // as on disk
  });

  // Whatever a test left behind, sales.okr ends as it is on disk, and not dirty.
  suiteTeardown(async () => {
    const document = await vscode.workspace.openTextDocument(sampleUri(sales));
    await revert(document);
    equal(document.isDirty, false, `${sales} is dirty after the suite`);
    ok(document.getText() === original, `${sales} differs from the file on disk after the suite`);
  });

  test('completion after `aligns to ` offers objectives of every file, not the objective itself', async () => {
    const { document } = await openSample(sales);
    // A new `  aligns to ` line after the attribute lines of us-east, before its first key result.
    const header = objectiveLine(document, 'us-east');
    let line = header + 1;
    while (line < document.lineCount && !/^\s*kr\b/.test(document.lineAt(line).text)) line++;
    ok(line < document.lineCount, `a key result under "objective us-east" in ${sales}`);
    try {
      await replaceInMemory(document, new vscode.Range(line, 0, line, 0), '  aligns to \n');
      equal(document.lineAt(line).text, '  aligns to ', `the inserted line ${line + 1}`);
      const position = new vscode.Position(line, '  aligns to '.length);
      // The server indexes the other files in the background: ask until it knows company.okr.
      let labels: string[] = [];
      await waitFor(
        async () => {
          const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
          labels = (list?.items ?? []).map(labelOf);
          return labels.includes('revenue') && labels.includes('sales-ai');
        },
        20_000,
        '`revenue` (company.okr) and `sales-ai` (sales.okr) among the completions after "aligns to "',
        () => `offered: ${labels.join(', ') || 'nothing'}`,
      );
      ok(!labels.includes('us-east'), `us-east cannot align to itself, yet it is offered: ${labels.join(', ')}`);
    } finally {
      await revert(document);
    }
  });

  test('hover on an objective: its alignment story up to the strategy and its progress', async () => {
    const { document } = await openSample(sales);
    const line = objectiveLine(document, 'us-east');
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('us-east') + 3);
    let text = '';
    await waitFor(
      async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        text = hoverText(hovers ?? []);
        return text.includes('`revenue`'); // known once company.okr is indexed
      },
      20_000,
      'a hover on `us-east` that names `revenue` (company.okr)',
      () => `hover: ${text || 'none'}`,
    );
    ok(/`us-east`\s*→\s*`sales-ai`\s*→\s*`revenue`\s*→\s*`ai-search`\s*\(strategy\)/.test(text), `the story us-east → sales-ai → revenue → ai-search (strategy) in the hover:\n${text}`);
    ok(/\d+% done/.test(text), `a progress line ("…% done") in the hover:\n${text}`);
  });

  test('rename of an objective at a reference edits its definition and its references in other files', async () => {
    const { document } = await openSample(sales);
    const reference = findOnLine(document, 'aligns to revenue', 'revenue');
    const position = reference.start.translate(0, 2);
    const companyUri = sampleUri(company);
    const edit = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>(
          'vscode.executeDocumentRenameProvider',
          document.uri,
          position,
          'income',
        );
        return found?.entries().some(([uri]) => key(uri) === key(companyUri)) ? found : undefined;
      },
      20_000,
      'a rename of `revenue` that edits company.okr',
    );
    // Not applied: only looked at.
    const byFile = new Map(edit.entries().map(([uri, edits]) => [key(uri), { uri, edits }]));
    const describe = [...byFile.values()].map(({ uri, edits }) => `${uri.path}: ${edits.length}`).join(', ');
    for (const { uri, edits } of byFile.values()) {
      const target = await vscode.workspace.openTextDocument(uri);
      for (const change of edits) {
        equal(change.newText, 'income', `new text of an edit in ${uri.path}`);
        equal(target.getText(change.range), 'revenue', `text replaced in ${uri.path} at line ${change.range.start.line + 1}`);
      }
    }

    const inCompany = byFile.get(key(companyUri));
    ok(inCompany, `the rename edits company.okr (edits: ${describe})`);
    const companyDocument = await vscode.workspace.openTextDocument(companyUri);
    const definitionLine = objectiveLine(companyDocument, 'revenue');
    const definitionColumn = companyDocument.lineAt(definitionLine).text.indexOf('revenue');
    const definition = new vscode.Range(definitionLine, definitionColumn, definitionLine, definitionColumn + 'revenue'.length);
    ok(
      inCompany.edits.some((change) => change.range.isEqual(definition)),
      `the rename edits the definition "objective revenue:" in company.okr (edits: ${inCompany.edits.map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1}`).join(', ')})`,
    );

    const inSales = byFile.get(key(document.uri));
    ok(inSales, `the rename edits sales.okr (edits: ${describe})`);
    ok(inSales.edits.some((change) => change.range.isEqual(reference)), 'the rename edits "aligns to revenue" in sales.okr');
    ok(inSales.edits.length >= 2, `the rename edits every reference in sales.okr, also "contributes to revenue.arr" (${inSales.edits.length} edits)`);

    ok(!document.isDirty && !companyDocument.isDirty, 'asking for a rename changes no document');
  });

  test('the quick fix "Change to `revenue`" repairs an unknown reference', async () => {
    const uri = sampleUri(sales);
    const { document } = await openSample(sales);
    const range = findOnLine(document, 'aligns to revenue', 'revenue');
    try {
      await replaceInMemory(document, range, 'revenu');
      const diagnostic = await waitFor(
        () => vscode.languages.getDiagnostics(uri).find(isUnknownRevenue),
        20_000,
        `an unknown-reference diagnostic after "aligns to revenu" in ${sales}`,
        () => describeDiagnostics(uri),
      );
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      const titles = (actions ?? []).map((action) => action.title);
      const change = (actions ?? []).find((action): action is vscode.CodeAction => action.title === 'Change to `revenue`' && 'edit' in action);
      ok(change?.edit, `a quick fix "Change to \`revenue\`" with an edit (offered: ${titles.join(' | ') || 'nothing'})`);
      equal(change.kind?.value, vscode.CodeActionKind.QuickFix.value, 'kind of the code action');
      ok(await vscode.workspace.applyEdit(change.edit), 'the quick fix is applied');
      equal(document.lineAt(range.start.line).text.trim(), 'aligns to revenue', `line ${range.start.line + 1} after the quick fix`);
      await waitFor(
        () => !vscode.languages.getDiagnostics(uri).some(isUnknownRevenue),
        20_000,
        'the unknown-reference diagnostic to go after the quick fix',
        () => describeDiagnostics(uri),
      );
    } finally {
      await revert(document); // never saved: samples/ stays as it is on disk
    }
    equal(document.isDirty, false, `${sales} is dirty after the revert`);
    ok(document.getText() === original, `${sales} is back to the file on disk`);
  });
});
