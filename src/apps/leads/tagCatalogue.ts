/**
 * What the tag rules may say about persons in parcel data: the fact catalogue given to the rules
 * engine (src/engines/rules), the rule files of rules/ and their named lists.
 *
 * Subjects are senders by ID number (`id:<blind index>`, personKeys.ts) in `leads_persons`.
 * Record kinds:
 * - `parcels`: every parcel with a sender ID; fields sender, receiver (receiver phone key),
 *   receiverProvince, senderProvince, senderName, itemName, itemNature, flagged (screening hit),
 *   realNameOk, inspected; time accepted_at (ISO UTC); evidence id = parcel id.
 * - `sharedPhones`: pairs (owner, other) of senders with different ID numbers who used one phone;
 *   evidence id = the owner's first parcel with that phone.
 * SQL here is the app's; rule text reaches SQL only as these identifiers or bound values.
 */
import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../../core/errors.ts';
import { checkRule, parseRuleFile, type FactCatalogue, type RuleDef } from '../../engines/rules/index.ts';
import { LeadsErrors } from './errors.ts';

/** The leads catalogue. */
export const TAG_CATALOGUE: FactCatalogue = Object.freeze({
  subjects: { table: 'leads_persons', key: 'person_key' },
  records: {
    parcels: {
      table: 'parcels',
      source: `(select id, accepted_at, 'id:' || cast(sender_id_bidx as text) as sender, cast(receiver_phone_bidx as text) as receiver,
        receiver_province, sender_province, sender_name, item_name, item_nature, (flagged_terms is not null) as flagged,
        (real_name_ok = 1) as real_name_ok, (inspected = 1) as inspected from parcels where sender_id_bidx is not null)`,
      id: 'id', time: 'accepted_at', timeFormat: 'iso', personKeys: ['sender'], defaultPersonKey: 'sender',
      fields: {
        sender: { type: 'string', column: 'sender' },
        receiver: { type: 'string', column: 'receiver' },
        receiverProvince: { type: 'string', column: 'receiver_province' },
        senderProvince: { type: 'string', column: 'sender_province' },
        senderName: { type: 'string', column: 'sender_name' },
        itemName: { type: 'string', column: 'item_name' },
        itemNature: { type: 'string', column: 'item_nature' },
        flagged: { type: 'boolean', column: 'flagged' },
        realNameOk: { type: 'boolean', column: 'real_name_ok' },
        inspected: { type: 'boolean', column: 'inspected' },
      },
    },
    sharedPhones: {
      table: 'leads_person_phones',
      source: `(select a.parcel_id as id, a.person_key as owner, b.person_key as other from leads_person_phones a
        join leads_person_phones b on a.phone_key = b.phone_key and a.person_key <> b.person_key)`,
      id: 'id', personKeys: ['owner'], defaultPersonKey: 'owner',
      fields: { owner: { type: 'string', column: 'owner' }, other: { type: 'string', column: 'other' } },
    },
  },
  lists: { 'terms.genericParts': 'string' },
}) as FactCatalogue;

/** A rule file's rule with its file name and the file text (shown with every tag and lead). */
export interface LeadsRule {
  readonly def: RuleDef;
  readonly file: string;
  readonly text: string;
}

const RULES_DIR = new URL('./rules/', import.meta.url);

/**
 * Read every rule file of rules/ (each `*.yaml` but lists.yaml), parse and check it against
 * TAG_CATALOGUE. Sorted by rule id.
 * @throws AppError LEADS_RULE_FILE_INVALID naming the file and the first problem.
 */
export function loadTagRules(dir: URL = RULES_DIR): LeadsRule[] {
  const out: LeadsRule[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'lists.yaml').sort()) {
    const text = fs.readFileSync(new URL(file, dir), 'utf8');
    const parsed = parseRuleFile(text);
    const first = parsed.errors[0];
    if (first) throw new AppError(LeadsErrors.LEADS_RULE_FILE_INVALID, { file, detail: first.messageEn });
    for (const def of parsed.rules) {
      const checked = checkRule(def.ast, TAG_CATALOGUE);
      if (!checked.ok) throw new AppError(LeadsErrors.LEADS_RULE_FILE_INVALID, { file, detail: checked.errors.map((e) => e.messageEn).join('; ') });
      out.push({ def, file, text });
    }
  }
  return out.sort((a, b) => (a.def.id < b.def.id ? -1 : 1));
}

/** The named lists of rules/lists.yaml, as run-context values (`{ terms: { genericParts: [...] } }`). */
export function loadRuleLists(dir: URL = RULES_DIR): Record<string, unknown> {
  return (parseYaml(fs.readFileSync(new URL('lists.yaml', dir), 'utf8')) ?? {}) as Record<string, unknown>;
}
