import * as vscode from 'vscode';
import { activateExtension, equal, findOnLine, ok, openSample, sampleUri, waitFor } from '../helpers';

type Definition = vscode.Location | vscode.LocationLink;

function target(definition: Definition): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in definition
    ? { uri: definition.targetUri, range: definition.targetSelectionRange ?? definition.targetRange }
    : { uri: definition.uri, range: definition.range };
}

suite('definition', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('a reference in sales.okr leads to its objective in company.okr', async () => {
    const { document } = await openSample('ai-search/sales.okr');
    const word = findOnLine(document, 'aligns to revenue', 'revenue');
    const position = word.start.translate(0, 2); // inside the word, not on its edge
    // The server indexes the other files of the workspace in the background: ask until it knows.
    const definitions = await waitFor(
      async () => {
        const found = await vscode.commands.executeCommand<Definition[] | undefined>(
          'vscode.executeDefinitionProvider',
          document.uri,
          position,
        );
        return found && found.length > 0 ? found : undefined;
      },
      20_000,
      'a definition of "revenue" (aligns to revenue, ai-search/sales.okr)',
    );
    const expected = sampleUri('ai-search/company.okr');
    const { uri, range } = target(definitions[0]);
    equal(`${uri.scheme}:${uri.path}`, `${expected.scheme}:${expected.path}`, 'file of the definition');
    const company = await vscode.workspace.openTextDocument(uri);
    const line = company.lineAt(range.start.line).text;
    ok(/^\s*objective\s+revenue\s*:/.test(line), `the definition is on "objective revenue: …", not on line ${range.start.line + 1}: "${line}"`);
  });
});
