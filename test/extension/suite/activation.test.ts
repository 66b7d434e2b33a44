import * as vscode from 'vscode';
import { activateExtension, equal, extensionId, ok, openSample, withTimeout } from '../helpers';

suite('activation', () => {
  test('the extension activates and registers the okr language', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    ok(extension, `extension ${extensionId} is installed`);
    await withTimeout(extension.activate(), 30_000, `activation of ${extensionId}`);
    ok(extension.isActive, 'the extension is active');
    const languages = await vscode.languages.getLanguages();
    ok(languages.includes('okr'), `the okr language is registered (known: ${languages.length} languages)`);
  });

  test('.okr files open in the okr language', async () => {
    const editor = await openSample('ai-search/sales.okr');
    equal(editor.document.languageId, 'okr', 'language of sales.okr');
  });

  test('the language server starts', async () => {
    await activateExtension();
  });
});
