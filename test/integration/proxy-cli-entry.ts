// Runs the CLI from source (no build needed) for the proxy CLI tests: node --import tsx proxy-cli-entry.ts proxy ...
import { main } from '../../src/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
