#!/usr/bin/env node
// The `gongzhi` command. TypeScript sources run through tsx's loader, so a clean
// checkout needs no build step for the server or the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
