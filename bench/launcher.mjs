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
  // A command that cannot start emits 'error' and then 'close': answer once.
  let answered = false;
  const answer = (code, error) => {
    if (answered) return;
    answered = true;
    process.send({ id, code, out, err: error ? err + String(error) : err, seconds: (performance.now() - started) / 1000 });
  };
  child.on('error', (e) => answer(null, e));
  child.on('close', (code) => answer(code));
});
process.on('disconnect', () => process.exit(0));
