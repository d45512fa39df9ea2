#!/usr/bin/env node
// Entry point of the installed command: the CLI lives in the compiled dist/ tree.
import { main } from '../dist/cli/main.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});
