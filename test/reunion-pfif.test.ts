/**
 * PFIF exchange of reunion posts: every shared PFIF sample imports over HTTP into posts (on
 * every test dialect); export → import gives back exactly the imported records and notes
 * (lossless); posts made in Gongzhi export only their published fields, never contacts; the
 * `gongzhi reunion pfif import FILE` / `export` commands do the same from the CLI.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPfifXml, type PfifNote, type PfifPerson } from '../src/apps/reunion/pfif/index.ts';
import { loadConfig } from '../src/config.ts';
import { testDialects } from '../src/store/testing.ts';
import { openReunionApp, type ReunionTestApp } from './reunion-helpers.ts';

const dir = path.join(loadConfig().sharedDataDir, 'pfif');
const samples = fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).sort();
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

/** Persons and notes of all samples, first record per id (what the posts should hold). */
function expectedRecords() {
  const persons = new Map<string, PfifPerson>();
  const notes = new Map<string, PfifNote>();
  for (const s of samples) {
    const r = importPfifXml(read(s));
    for (const p of r.persons) if (!persons.has(p.person_record_id!)) persons.set(p.person_record_id!, p);
    for (const n of r.notes) if (!notes.has(n.note_record_id!)) notes.set(n.note_record_id!, n);
  }
  return { persons, notes };
}

describe.each(testDialects())('PFIF over HTTP on $name', (dialect) => {
  let t: ReunionTestApp;
  beforeAll(async () => {
    t = await openReunionApp(dialect);
  });
  afterAll(async () => t?.close());

  it('imports every sample; persons become posts, repeated record ids are counted as duplicates', async () => {
    const seen = new Set<string>();
    for (const s of samples) {
      const res = await t.call('POST', '/api/reunion/pfif/import', read(s), 'police', { 'content-type': 'application/xml' });
      expect(res.statusCode, s).toBe(200);
      const body = res.json();
      const direct = importPfifXml(read(s));
      expect(body.stats.error).toBeNull();
      const fresh = direct.persons.filter((p) => !seen.has(p.person_record_id!));
      expect(body.accepted.map((a: { personRecordId: string }) => a.personRecordId), s).toEqual(fresh.map((p) => p.person_record_id));
      for (const p of direct.persons) seen.add(p.person_record_id!);
    }
    expect((await t.call('POST', '/api/reunion/pfif/import', read(samples[0]!), 'volunteer', { 'content-type': 'application/xml' })).json().error.code).toBe('REUNION_ROLE_DENIED');
    const broken = await t.call('POST', '/api/reunion/pfif/import', '<pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4"><pfif:person>', 'police', { 'content-type': 'application/xml' });
    expect(broken.statusCode).toBe(422);
    expect(broken.json().error.code).toBe('REUNION_PFIF_UNREADABLE');
  });

  it('exports the imported records exactly (export → import is lossless), and a Gongzhi post with published fields only', async () => {
    await t.call('POST', '/api/reunion/posts', {
      kind: 'familySearch', sex: 'female', name: '陈小红', nickname: '红红', birthDate: '2012年3月', lossDate: '2015-06-01',
      lossPlace: { divisionCode: '510106', text: '营门口路12号' }, contacts: [{ name: '陈父', relation: '父亲', phone: '13812345678' }],
      consent: { sex: true, name: true, nickname: true, birthDate: true, lossPlace: true },
    });
    const res = await t.call('GET', '/api/reunion/pfif/export', undefined, 'police');
    expect(res.headers['content-type']).toContain('application/xml');
    const back = importPfifXml(res.body);
    expect(back.error).toBeNull();
    expect(back.rejected).toEqual([]);
    const { persons, notes } = expectedRecords();
    const byId = new Map(back.persons.map((p) => [p.person_record_id!, p]));
    for (const [id, p] of persons) expect(byId.get(id), id).toEqual(p);
    const ours = back.persons.filter((p) => p.person_record_id!.startsWith('gongzhi.local/'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatchObject({ full_name: '陈小红', alternate_names: '红红', sex: 'female', date_of_birth: '2012-03', home_city: '四川省成都市金牛区' });
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('营门口路');
    const noteIds = new Set(back.notes.map((n) => n.note_record_id));
    for (const [id, n] of notes) if (persons.has(n.person_record_id!)) expect(noteIds.has(id), id).toBe(true);
  });
});

describe('gongzhi reunion pfif import / export', () => {
  const repo = path.resolve(import.meta.dirname, '..');
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-reunion-cli-'));
  const env: Record<string, string | undefined> = { ...process.env, GONGZHI_DATA_DIR: data, GONGZHI_SECRET: 'cli-test-secret-cli-test-secret-0123', GONGZHI_LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  const gongzhi = (args: string[]) => spawnSync(process.execPath, ['bin/gongzhi.js', ...args], { cwd: repo, env, encoding: 'utf8' });
  afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

  it('imports a PFIF 1.4 file and exports it back', () => {
    const file = path.join(dir, 'test.pfif-1.4.xml');
    const direct = importPfifXml(read('test.pfif-1.4.xml'));
    const imp = gongzhi(['reunion', 'pfif', 'import', file]);
    expect(imp.stderr).toBe('');
    expect(imp.stdout.split('\n')[0]).toBe(`PFIF 1.4: ${direct.persons.length} posts imported, ${direct.notes.length} notes, 0 rejected, 0 already present`);
    const out = path.join(data, 'out.xml');
    const exp = gongzhi(['reunion', 'pfif', 'export', '--out', out]);
    expect(exp.status).toBe(0);
    const back = importPfifXml(fs.readFileSync(out, 'utf8'));
    expect(back.persons).toEqual(direct.persons);
    expect(back.notes.map((n) => n.note_record_id).sort()).toEqual(direct.notes.map((n) => n.note_record_id).sort());
  });
});
