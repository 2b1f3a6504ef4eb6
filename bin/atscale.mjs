#!/usr/bin/env node
// `atscale` / `npx atscale`: loads the TypeScript CLI in this same process through tsx, so signals
// (Ctrl+C, SIGTERM) reach the command itself and no build step is needed.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
await runCli(process.argv);
