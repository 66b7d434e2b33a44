// Types of xss-workspace.mjs, for the TypeScript tests that share it (test/cli, test/lsp).
export interface Payload {
  readonly name: string;
  readonly text: string;
}

export interface Places {
  readonly id: boolean;
  readonly unit: boolean;
  readonly configLevel: boolean;
  readonly handle: boolean;
  readonly quoted: boolean;
  readonly fileName: boolean;
}

export function readCorpus(file: string): Payload[];
export function placesOf(text: string): Places;
export function ownerOf(text: string): string | undefined;
export function writeXssWorkspace(dir: string, payloads: readonly Payload[]): { files: string[]; config: { today: string; levels: string[]; catchAll: { phrases: string[] } } };
