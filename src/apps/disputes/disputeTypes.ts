/**
 * The dispute types of issue 5 and the words that suggest each one in an appeal's text. The
 * suggestion is a keyword rule (shown with the words it matched), beside the statistical
 * level-1 classifier: the labelled corpus has no dispute-type labels to learn from.
 */

export type DisputeType = 'land_requisition' | 'medical' | 'unpaid_wages' | 'property_management' | 'family_neighbour' | 'consumer' | 'online_finance';

export interface DisputeTypeDef {
  readonly key: DisputeType;
  readonly zh: string;
  readonly en: string;
  /** Words whose presence suggests the type; each match counts once. */
  readonly words: readonly string[];
}

export const DISPUTE_TYPES: readonly DisputeTypeDef[] = [
  { key: 'land_requisition', zh: '征地拆迁', en: 'land requisition and demolition', words: ['征地', '拆迁', '征收', '安置房', '拆除', '补偿款', '强拆', '回迁'] },
  { key: 'medical', zh: '医疗纠纷', en: 'medical dispute', words: ['医疗事故', '医患', '误诊', '手术', '医院', '医生', '治疗', '医疗纠纷'] },
  { key: 'unpaid_wages', zh: '劳动争议（欠薪）', en: 'labour dispute (unpaid wages)', words: ['拖欠工资', '欠薪', '讨薪', '工资', '农民工', '劳务费', '劳动合同', '辞退'] },
  { key: 'property_management', zh: '物业纠纷', en: 'property management dispute', words: ['物业', '物业费', '业委会', '业主委员会', '停车费', '电梯'] },
  { key: 'family_neighbour', zh: '婚姻家庭邻里纠纷', en: 'family and neighbour dispute', words: ['邻居', '邻里', '婚姻', '离婚', '赡养', '抚养', '家暴', '宅基地'] },
  { key: 'consumer', zh: '消费纠纷', en: 'consumer dispute', words: ['消费者', '退款', '商家', '退货', '预付卡', '假冒', '售后', '会员卡'] },
  { key: 'online_finance', zh: '网络金融纠纷', en: 'online finance dispute', words: ['网贷', 'P2P', '理财平台', '套路贷', '借贷平台', '网络借贷', '暴力催收', '非法集资'] },
];

/** A keyword suggestion: the type and the words found. */
export interface DisputeTypeSuggestion {
  readonly type: DisputeType;
  readonly words: readonly string[];
}

/**
 * The dispute type the text points at: the type with most matched words (at least two, or one
 * word of four or more characters); ties go to the earlier type in DISPUTE_TYPES. Null when none.
 */
export function suggestDisputeType(text: string): DisputeTypeSuggestion | null {
  let best: DisputeTypeSuggestion | null = null;
  for (const t of DISPUTE_TYPES) {
    const words = t.words.filter((w) => text.includes(w));
    const strong = words.length >= 2 || words.some((w) => w.length >= 4);
    if (strong && (!best || words.length > best.words.length)) best = { type: t.key, words };
  }
  return best;
}
