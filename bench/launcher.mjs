/**
 * Child side of bench/processLauncher.ts: spawns the commands it is sent over IPC
 * (`{ id, command, args, env }`) and answers `{ id, code, out, err, seconds }` when each has
 * exited and its output is read. It stays small, so forking it costs little.
 */
import { spawn } from 'node:child_process';

process.on('message', ({ id, command, args, env }) => {
  const started = performance.now();
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d.toString()));
  child.stderr.on('data', (d) => (err += d.toString()));
  child.on('error', (e) => process.send({ id, code: null, out, err: err + String(e), seconds: (performance.now() - started) / 1000 }));
  child.on('close', (code) => process.send({ id, code, out, err, seconds: (performance.now() - started) / 1000 }));
});
process.on('disconnect', () => process.exit(0));
