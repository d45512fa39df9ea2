// Runs the CLI from source (no build needed) for the runner CLI tests: node --import tsx runner-cli-entry.ts run ...
import { main } from '../../src/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
