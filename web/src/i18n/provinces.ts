/**
 * English names of China's 34 provincial-level divisions (GB/T 2260 first level), for showing
 * data values (origin/destination provinces) in the English UI. Keys are the full Chinese
 * names as the divisions table gives them.
 */
export const provinceNamesEn: Readonly<Record<string, string>> = {
  北京市: 'Beijing', 天津市: 'Tianjin', 河北省: 'Hebei', 山西省: 'Shanxi', 内蒙古自治区: 'Inner Mongolia',
  辽宁省: 'Liaoning', 吉林省: 'Jilin', 黑龙江省: 'Heilongjiang', 上海市: 'Shanghai', 江苏省: 'Jiangsu',
  浙江省: 'Zhejiang', 安徽省: 'Anhui', 福建省: 'Fujian', 江西省: 'Jiangxi', 山东省: 'Shandong',
  河南省: 'Henan', 湖北省: 'Hubei', 湖南省: 'Hunan', 广东省: 'Guangdong', 广西壮族自治区: 'Guangxi',
  海南省: 'Hainan', 重庆市: 'Chongqing', 四川省: 'Sichuan', 贵州省: 'Guizhou', 云南省: 'Yunnan',
  西藏自治区: 'Tibet', 陕西省: 'Shaanxi', 甘肃省: 'Gansu', 青海省: 'Qinghai', 宁夏回族自治区: 'Ningxia',
  新疆维吾尔自治区: 'Xinjiang', 台湾省: 'Taiwan', 香港特别行政区: 'Hong Kong', 澳门特别行政区: 'Macao',
};

const shortForms: ReadonlyArray<[RegExp, string]> = [[/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/u, '']];

/**
 * Short display form of a province name: '江苏省' → '江苏', '广西壮族自治区' → '广西' (zh), or
 * the English name (en). Unknown names are returned unchanged.
 */
export function provinceLabel(name: string, lang: 'zh-CN' | 'en'): string {
  if (lang === 'en') return provinceNamesEn[name] ?? name;
  let out = name;
  for (const [re, rep] of shortForms) out = out.replace(re, rep);
  return out || name;
}
