// Entry of the `okr` command line (bin/okr.js → dist/cli/okr.js).
import { run } from './main';

void run(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr }).then((code) => {
  process.exitCode = code;
});
