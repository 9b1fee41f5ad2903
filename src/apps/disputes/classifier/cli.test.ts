import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { registerTrainClassifierCommand } from './cli.ts';
import { readCorrections } from './train.ts';
import { loadLabelled } from './data.ts';

describe('train-classifier command and corrections CSV', () => {
  it('registers train-classifier with --corrections and --out', () => {
    const program = new Command('gongzhi');
    registerTrainClassifierCommand(program.command('disputes'));
    const cmd = program.commands[0]!.commands.find((c) => c.name() === 'train-classifier')!;
    expect(cmd.options.map((o) => o.long)).toEqual(['--corrections', '--out']);
  });
  it('reads corrections by id (text from the shared data) or with their own text, and names bad rows', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corr-'));
    const first = loadLabelled()[0]!;
    const file = path.join(dir, 'c.csv');
    fs.writeFileSync(file, `id,label,title,body\n${first.id},环境保护,,\nx1,交通运输,公交车不按站停,司机不停车\n`);
    const rows = readCorrections(file);
    expect(rows.map((r) => [r.id, r.label, r.title])).toEqual([[first.id, '环境保护', first.title], ['x1', '交通运输', '公交车不按站停']]);
    expect(rows[0]!.body).toBe(first.body);
    fs.writeFileSync(file, 'id,label\nnope,交通运输\n');
    expect(() => readCorrections(file)).toThrow(/row 2: no message with id nope/);
    fs.writeFileSync(file, `id,label\n${first.id},\n`);
    expect(() => readCorrections(file)).toThrow(/row 2: empty label/);
  });
});
