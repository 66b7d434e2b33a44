import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  describeDiagnostics,
  equal,
  findOnLine,
  openSample,
  replaceInMemory,
  revert,
  sampleUri,
  waitFor,
} from '../helpers';

const sample = 'ai-search/sales.okr';

function isUnknownRevenue(diagnostic: vscode.Diagnostic): boolean {
  return codeOf(diagnostic) === 'unknown-reference' && diagnostic.message.includes('revenue');
}

suite('diagnostics', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('a sample has no syntax errors', async () => {
    const uri = sampleUri(sample);
    // The server publishes once the document is open (and again on every change). The file may
    // already be open from an earlier test, so no event is not a failure: then it has published.
    let subscription: vscode.Disposable | undefined;
    const published = new Promise<void>((resolve) => {
      subscription = vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((changed) => changed.toString() === uri.toString())) resolve();
      });
    });
    try {
      await openSample(sample);
      await Promise.race([published, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    } finally {
      subscription?.dispose();
    }
    const syntax = vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'syntax');
    equal(syntax.length, 0, `syntax errors in ${sample}: ${describeDiagnostics(uri)}`);
  });

  test('an unknown reference is reported with a suggestion, and cleared when fixed', async () => {
    const uri = sampleUri(sample);
    const { document } = await openSample(sample);
    const range = findOnLine(document, 'aligns to revenue', 'revenue');
    try {
      await replaceInMemory(document, range, 'revenu');
      const diagnostic = await waitFor(
        () => vscode.languages.getDiagnostics(uri).find(isUnknownRevenue),
        20_000,
        `an unknown-reference diagnostic mentioning "revenue" after "aligns to revenu" in ${sample}`,
        () => describeDiagnostics(uri),
      );
      equal(diagnostic.range.start.line, range.start.line, 'line of the unknown-reference diagnostic');
    } finally {
      await revert(document); // never saved: samples/ stays as it is on disk
    }
    await waitFor(
      () => !vscode.languages.getDiagnostics(uri).some(isUnknownRevenue),
      20_000,
      `the unknown-reference diagnostic to go once "revenue" is back in ${sample}`,
      () => describeDiagnostics(uri),
    );
  });
});
