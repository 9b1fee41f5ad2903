/**
 * Synthetic dispute texts for the demo set, one template per dispute type, filled from small
 * lists of invented companies, estates, hospitals, platforms and villages (no real persons or
 * firms), plus the planted land-requisition projects whose appeals form a growing cluster.
 */
import type { DisputeType } from './disputeTypes.ts';
import type { LandProject } from './projects.ts';

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const int = (rand: () => number, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const HOSPITALS = ['市第三人民医院', '区中医医院', '妇幼保健院', '仁和医院', '康宁骨科医院'];
const PROCEDURES = ['阑尾切除', '膝关节置换', '剖宫产', '胆囊切除', '白内障'];
const COMPANIES = ['宏达建筑劳务有限公司', '鑫盛装饰工程有限公司', '华强物流有限公司', '远洋制衣有限公司', '顺丰源餐饮管理有限公司'];
const ESTATES = ['锦绣华庭小区', '枫林湾小区', '金色家园', '湘江一号公寓', '梅溪新村'];
const SHOPS = ['美丽人生美容会所', '健身达人健身房', '好学教育培训中心', '洁净洗衣连锁店'];
const PLATFORMS = ['聚财宝', '钱多多', '融易贷', '金满仓'];
const NEIGHBOUR_ISSUES = ['楼上漏水', '噪音扰民', '占用公共过道', '宅基地界址', '赡养老人费用分担'];

/** The planted land-requisition projects of the demo. */
export const DEMO_PROJECTS: readonly LandProject[] = [
  { code: 'LR-430112-2026-01', name: '白沙洲村土地征收项目', divisionCode: '430112', households: 186, compensatedHouseholds: 97, compensationStatus: 'partly_paid', startedOn: '2026-03-15', aliases: ['白沙洲村征地', '白沙洲安置房'] },
  { code: 'LR-430121-2026-02', name: '星沙大道拓宽工程', divisionCode: '430121', households: 64, compensatedHouseholds: 64, compensationStatus: 'completed', startedOn: '2025-11-01', aliases: ['星沙大道拓宽'] },
  { code: 'LR-320115-2026-03', name: '秣陵片区旧城改造项目', divisionCode: '320115', households: 420, compensatedHouseholds: 130, compensationStatus: 'disputed', startedOn: '2026-05-20', aliases: ['秣陵旧改'] },
];

/** Relative frequency of the dispute types in the demo (family and neighbour quarrels most common). */
export const DEMO_TYPE_WEIGHTS: readonly (readonly [DisputeType, number])[] = [
  ['family_neighbour', 0.25], ['unpaid_wages', 0.2], ['property_management', 0.18], ['consumer', 0.15], ['medical', 0.1], ['online_finance', 0.06], ['land_requisition', 0.06],
];

const RELATIONS = ['邻居', '楼上住户', '兄弟', '前夫', '对门邻居', '承租人'];
const WANTS = ['请求社区调解', '希望有关部门出面调解', '要求对方赔偿损失', '请求依法处理'];
const SINCE = ['去年年底', '今年春节后', '三个月前', '上个月', '半年来'];

/** A synthetic dispute text of a type: title and body, in one of several phrasings. */
export function disputeText(rand: () => number, type: DisputeType, applicant: string): { title: string; text: string } {
  const since = pick(rand, SINCE);
  const want = pick(rand, WANTS);
  const v = Math.floor(rand() * 3);
  switch (type) {
    case 'medical': {
      const h = pick(rand, HOSPITALS);
      const p = pick(rand, PROCEDURES);
      const money = int(rand, 5, 60);
      return { title: [`${h}医疗纠纷`, `${p}手术后遗症索赔`, `对${h}诊疗有异议`][v]!, text: [
        `${applicant}的家属${since}在${h}接受${p}手术后出现严重并发症，家属认为医院存在过错，要求赔偿${money}万元，医院不同意。`,
        `本人${since}因${p}在${h}住院，术后恢复很差，怀疑误诊误治，与医院协商多次无果，${want}。`,
        `${h}在为我母亲做${p}时操作不当导致二次手术，医患双方对责任和赔偿数额（约${money}万元）分歧很大。`,
      ][v]! };
    }
    case 'unpaid_wages': {
      const c = pick(rand, COMPANIES);
      const n = int(rand, 3, 80);
      return { title: [`${c}拖欠工资`, '农民工讨薪', `${c}欠薪`][v]!, text: [
        `${c}拖欠${n}名工人工资共计${int(rand, 5, 120)}万元，包工头失联，工人多次讨薪未果。`,
        `本人在${c}的工地做工，${since}起工资一直没有结清，老板以工程款未到位为由拒付，${want}。`,
        `我们${n}个农民工给${c}干了大半年，至今拖欠工资，劳动合同也没签，${want}。`,
      ][v]! };
    }
    case 'property_management': {
      const e = pick(rand, ESTATES);
      return { title: [`${e}物业纠纷`, `${e}物业费争议`, `${e}电梯长期停用`][v]!, text: [
        `${e}物业${since}起不维修电梯、垃圾清运不及时，物业费却照收，部分业主拒交物业费，双方矛盾激化。`,
        `${e}业委会与物业公司就物业费上涨和停车费标准争执不下，物业扬言停水停电，${want}。`,
        `${e}的电梯${since}坏了一直没修，物业推给开发商，老人上下楼困难，业主们要求物业履行维修义务。`,
      ][v]! };
    }
    case 'family_neighbour': {
      const i = pick(rand, NEIGHBOUR_ISSUES);
      const who = pick(rand, RELATIONS);
      return { title: [`邻里纠纷：${i}`, `与${who}的纠纷`, `家庭矛盾：${i}`][v]!, text: [
        `${applicant}与${who}因${i}问题${since}以来多次发生争吵，关系紧张，${want}。`,
        `${who}${since}开始${i === '噪音扰民' ? '天天深夜制造噪音' : `在${i}上跟我家起冲突`}，沟通几次都没用，${want}。`,
        `家里因为${i}闹得很僵，我和${who}谁也说服不了谁，${want}。`,
      ][v]! };
    }
    case 'consumer': {
      const shop = pick(rand, SHOPS);
      const money = int(rand, 2, 30) * 100;
      return { title: [`${shop}预付卡退款`, `${shop}退款纠纷`, '消费者维权'][v]!, text: [
        `${applicant}在${shop}办理预付卡${money}元后商家突然关门，多次联系不上，要求退款。`,
        `${since}在${shop}充值${money}元，现在商家拒绝退还余额，售后电话无人接听，${want}。`,
        `消费者反映${shop}办卡时承诺随时可退，如今以各种理由拒绝退款，涉及金额${money}元。`,
      ][v]! };
    }
    case 'online_finance': {
      const p = pick(rand, PLATFORMS);
      return { title: [`${p}理财平台无法提现`, `${p}暴力催收`, `${p}网贷纠纷`][v]!, text: [
        `${applicant}在${p}理财平台投资${int(rand, 1, 50)}万元，到期无法提现，平台客服失联。`,
        `我${since}在${p}借了${int(rand, 1, 9)}千元，现在平台暴力催收，骚扰家人同事，利息远超法定标准。`,
        `${p}网络借贷平台以高息理财为名吸收资金，${since}起停止兑付，投资人要求追回本金。`,
      ][v]! };
    }
    case 'land_requisition': {
      const p = pick(rand, DEMO_PROJECTS.slice(1));
      return { title: [`${p.name}补偿问题`, `${p.name}拆迁安置`, `对${p.name}征收补偿有异议`][v]!, text: [
        `村民反映${p.name}的征地补偿款未按标准发放，${int(rand, 5, 60)}户至今未拿到安置房，要求落实补偿。`,
        `${p.name}拆迁时评估价格明显偏低，我家房屋面积测量有误，${want}。`,
        `${p.name}强拆了我家的附属房屋，补偿协议还没签，${want}。`,
      ][v]! };
    }
  }
}

/** The text of a planted cluster appeal about the disputed project (paraphrases of one complaint). */
export function plantedProjectText(rand: () => number, n: number): { title: string; text: string } {
  const variants = [
    '白沙洲村土地征收项目补偿款迟迟不到位，我们几十户村民的安置房也没有着落，要求政府尽快落实征地补偿。',
    '白沙洲村征地补偿款一直没有发放到位，村民的安置房没有着落，我们要求尽快落实征地补偿款。',
    '关于白沙洲村土地征收项目：补偿款迟迟不发，安置房没有着落，村民们要求尽快落实征地补偿。',
  ];
  return { title: `白沙洲村征地补偿款未到位（${n}）`, text: `${variants[Math.floor(rand() * variants.length)]}联系人第${n}户。` };
}
