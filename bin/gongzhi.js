#!/usr/bin/env -S node --max-semi-space-size=32
// The `gongzhi` command. TypeScript sources run through tsx's loader, so a clean
// checkout needs no build step for the server or the CLI.
// --max-semi-space-size=32 (MiB; V8's default is 16): a server answering thousands of requests a
// second allocates a little for each, and with the larger young generation the server thread
// spent less time in scavenges — single registrations 5,462 and 5,720/s against 4,985 and 5,154/s
// without it, runs interleaved (bench/profileServer.ts). A V8 heap flag must be given at start
// (v8.setFlagsFromString does not resize a heap), hence here and in package.json's start script.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main(process.argv);
