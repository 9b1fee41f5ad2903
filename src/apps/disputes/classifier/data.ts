/**
 * Readers for the public appeal-message data (2020 TipDM Cup problem C, shared data folder
 * `appeals/`): labelled messages, unlabelled messages with votes or replies, and the 3-level
 * category taxonomy. Read from `loadConfig().sharedDataDir`, never copied into the repo.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '../../../config.ts';

/** One citizen message (appeal). `label` is the level-1 category when known. */
export interface AppealMessage {
  readonly id: string;
  readonly userId: string;
  readonly title: string;
  readonly body: string;
  /** Message time as written, 'YYYY/M/D H:mm:ss' (local time, no zone in the source). */
  readonly time: string;
  readonly label?: string;
  readonly likes?: number;
  readonly dislikes?: number;
}

/** A taxonomy row: level-1, level-2 and level-3 category names. */
export interface TaxonomyRow {
  readonly level1: string;
  readonly level2: string;
  readonly level3: string;
}

function readCsv(file: string, dataDir: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(dataDir, 'appeals', file), 'utf8');
  return parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_quotes: true }) as Record<string, string>[];
}

function toMessage(r: Record<string, string>): AppealMessage {
  const m: AppealMessage = {
    id: r['留言编号']!.trim(),
    userId: (r['留言用户'] ?? '').trim(),
    title: (r['留言主题'] ?? '').trim(),
    body: (r['留言详情'] ?? '').replace(/\s+/g, ' ').trim(),
    time: (r['留言时间'] ?? '').trim(),
  };
  const extra: { label?: string; likes?: number; dislikes?: number } = {};
  if (r['一级分类']) extra.label = r['一级分类'].trim();
  if (r['点赞数'] !== undefined) extra.likes = Number(r['点赞数']);
  if (r['反对数'] !== undefined) extra.dislikes = Number(r['反对数']);
  return { ...m, ...extra };
}

/** The 332 labelled messages (`messages_labelled.csv`), each with its level-1 `label`. */
export function loadLabelled(dataDir = loadConfig().sharedDataDir): AppealMessage[] {
  return readCsv('messages_labelled.csv', dataDir).map(toMessage);
}

/** The 4,326 messages with like/dislike counts (`messages_with_votes.csv`). */
export function loadWithVotes(dataDir = loadConfig().sharedDataDir): AppealMessage[] {
  return readCsv('messages_with_votes.csv', dataDir).map(toMessage);
}

/** The 2,816 messages with official replies (`messages_with_replies.csv`), replies dropped. */
export function loadWithReplies(dataDir = loadConfig().sharedDataDir): AppealMessage[] {
  return readCsv('messages_with_replies.csv', dataDir).map(toMessage);
}

/** The taxonomy (`taxonomy.csv`): 15 level-1, 118 level-2, 517 level-3 names. */
export function loadTaxonomy(dataDir = loadConfig().sharedDataDir): TaxonomyRow[] {
  return readCsv('taxonomy.csv', dataDir).map((r) => ({ level1: r['一级分类']!.trim(), level2: r['二级分类']!.trim(), level3: r['三级分类']!.trim() }));
}

/** The text the classifier reads: the title twice (titles are dense in topic words), then the body. */
export function appealText(m: Pick<AppealMessage, 'title' | 'body'>): string {
  return `${m.title}。${m.title}。${m.body}`;
}
