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

/** A synthetic dispute text of a type: title and body. */
export function disputeText(rand: () => number, type: DisputeType, applicant: string): { title: string; text: string } {
  switch (type) {
    case 'medical': {
      const h = pick(rand, HOSPITALS);
      return { title: `${h}手术后医疗纠纷`, text: `${applicant}的家属于今年在${h}接受${pick(rand, PROCEDURES)}手术后出现严重并发症，家属认为医院存在过错，要求赔偿医疗费、误工费等共计${int(rand, 5, 60)}万元，医院不同意，医患双方协商不成。` };
    }
    case 'unpaid_wages': {
      const c = pick(rand, COMPANIES);
      return { title: `${c}拖欠工资`, text: `${c}拖欠${int(rand, 3, 80)}名农民工工资共计${int(rand, 5, 120)}万元，包工头失联，工人多次讨薪未果，要求尽快支付拖欠工资。` };
    }
    case 'property_management': {
      const e = pick(rand, ESTATES);
      return { title: `${e}物业纠纷`, text: `${e}业主反映物业公司长期不维修电梯、垃圾清运不及时，物业费却照收，部分业主拒交物业费，物业公司停水停电，双方矛盾激化。` };
    }
    case 'family_neighbour': {
      const i = pick(rand, NEIGHBOUR_ISSUES);
      return { title: `邻里纠纷：${i}`, text: `${applicant}与邻居因${i}问题多次发生争吵，邻里关系紧张，双方协商未果，请求社区调解。` };
    }
    case 'consumer': {
      const s = pick(rand, SHOPS);
      return { title: `${s}预付卡退款`, text: `${applicant}在${s}办理预付卡${int(rand, 2, 30) * 100}元后商家突然关门，多次联系不上，要求商家退款，维护消费者权益。` };
    }
    case 'online_finance': {
      const p = pick(rand, PLATFORMS);
      return { title: `${p}理财平台无法提现`, text: `${applicant}在${p}理财平台投资${int(rand, 1, 50)}万元，到期无法提现，平台客服失联，另有借款人遭暴力催收，要求处理网络借贷平台。` };
    }
    case 'land_requisition': {
      const p = pick(rand, DEMO_PROJECTS);
      return { title: `${p.name}补偿问题`, text: `村民反映${p.name}的征地补偿款未按标准发放，${int(rand, 5, 60)}户村民至今未拿到安置房，拆迁过程中还有强拆现象，要求落实补偿。` };
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
