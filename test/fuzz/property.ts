// Runs a fast-check property as one node:test test.
//   OKR_FUZZ_RUNS    inputs per property (each property has a CI-sized default)
//   OKR_FUZZ_SEED    the seed (random by default; a failure prints the one to reuse)
//   OKR_FUZZ_PATH    with the seed: replay exactly the shrunk counterexample of a failure
//   OKR_FUZZ_REPORT  a file to append one JSON line per property to (runs, documents, time,
//                    failure): scripts/fuzz.mjs reads it
import fc from 'fast-check';
import { test } from 'node:test';
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';

const seed = process.env.OKR_FUZZ_SEED ? Number(process.env.OKR_FUZZ_SEED) : Math.floor(Math.random() * 0x7fffffff);
const runsOverride = process.env.OKR_FUZZ_RUNS ? Number(process.env.OKR_FUZZ_RUNS) : undefined;
const replayPath = process.env.OKR_FUZZ_PATH || undefined;
const reportFile = process.env.OKR_FUZZ_REPORT || undefined;

export interface PropertyOptions<T> {
  /** Inputs per run in CI (OKR_FUZZ_RUNS overrides it). */
  readonly runs: number;
  /** How many documents one input holds (1 by default): the figure the long run reports. */
  readonly documents?: (input: T) => number;
}

export interface PropertyReport {
  readonly file: string;
  readonly property: string;
  readonly runs: number;
  readonly documents: number;
  readonly milliseconds: number;
  readonly seed: number;
  readonly failure?: { readonly path: string; readonly counterexample: string; readonly error: string; readonly shrinks: number };
}

/** Each property draws from its own stream (the seed mixed with its name): properties that share a generator see different inputs. */
function seedOf(name: string): number {
  let hash = seed;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619);
  return hash | 0;
}

/** A test that checks `check` on many generated inputs; it throws (or rejects) to reject an input. */
export function property<T>(name: string, arbitrary: fc.Arbitrary<T>, check: (input: T) => void | Promise<void>, options: PropertyOptions<T>): void {
  test(name, async () => {
    const count = options.documents ?? (() => 1);
    let documents = 0;
    const started = performance.now();
    // Some features answer asynchronously (they let a cancellation arrive first).
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (input) => {
        documents += count(input);
        await check(input);
      }),
      { numRuns: runsOverride ?? options.runs, seed: seedOf(name), path: replayPath },
    );
    const milliseconds = Math.round(performance.now() - started);
    const file = basename(process.argv[1] ?? 'fuzz');
    const failure = details.failed
      ? {
          path: details.counterexamplePath ?? '',
          counterexample: fc.stringify(details.counterexample?.[0]),
          error: details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance),
          shrinks: details.numShrinks,
        }
      : undefined;
    const report: PropertyReport = { file, property: name, runs: details.numRuns, documents, milliseconds, seed, failure };
    if (reportFile) appendFileSync(reportFile, `${JSON.stringify(report)}\n`);
    if (failure) {
      const shown = failure.counterexample.length > 20_000 ? `${failure.counterexample.slice(0, 20_000)}… (${failure.counterexample.length} characters)` : failure.counterexample;
      throw new Error(
        [
          `Property failed after ${details.numRuns} inputs (shrunk ${failure.shrinks} times).`,
          `Reproduce: OKR_FUZZ_SEED=${seed} OKR_FUZZ_PATH=${failure.path} node --test --test-name-pattern=${JSON.stringify(name)} dist/test/fuzz/${file}`,
          `Counterexample: ${shown}`,
          `Error: ${failure.error}`,
        ].join('\n'),
      );
    }
  });
}
