import { describe, expect, it } from 'vitest';
import { parseAddress } from './address.ts';

describe('parseAddress', () => {
  it('reads municipalities without a prefecture level', () => {
    expect(parseAddress('北京市朝阳区建国路1号')).toEqual({ divisionCode: '110105', province: '北京市', prefecture: null, county: '朝阳区', detail: '建国路1号' });
    expect(parseAddress('上海浦东新区世纪大道100号')?.divisionCode).toBe('310115');
  });

  it('accepts short province and prefecture names and full ones with spaces and a leading 中国', () => {
    expect(parseAddress('广西百色市平果市马头镇1号')).toMatchObject({ divisionCode: '451082', province: '广西壮族自治区', prefecture: '百色市', county: '平果市', detail: '马头镇1号' });
    expect(parseAddress('中国 浙江省 杭州市 西湖区 文三路')).toMatchObject({ divisionCode: '330106', detail: '文三路' });
    expect(parseAddress('延边和龙市')).toMatchObject({ divisionCode: '222406', prefecture: '延边朝鲜族自治州' });
  });

  it('reads province-administered county-level cities and same-named prefectures in context', () => {
    expect(parseAddress('湖北省仙桃市沙嘴街道1号')).toMatchObject({ divisionCode: '429004', prefecture: null, county: '仙桃市', detail: '沙嘴街道1号' });
    expect(parseAddress('青海海南藏族自治州共和县')).toMatchObject({ divisionCode: '632521', province: '青海省', prefecture: '海南藏族自治州' });
    expect(parseAddress('海南海口市美兰区')).toMatchObject({ divisionCode: '460108', province: '海南省' });
    expect(parseAddress('广东深圳南山区科技园')).toMatchObject({ divisionCode: '440305', detail: '科技园' });
  });

  it('stops at the level it can read', () => {
    expect(parseAddress('东莞市南城区')).toMatchObject({ divisionCode: '441900', province: '广东省', prefecture: '东莞市', county: null, detail: '南城区' });
    expect(parseAddress('江苏省')).toMatchObject({ divisionCode: '320000', prefecture: null, detail: '' });
  });

  it('refuses ambiguous or unknown heads rather than guessing', () => {
    expect(parseAddress('朝阳区建国路')).toBeNull(); // 北京 or 长春
    expect(parseAddress('随便写的地址')).toBeNull();
  });
});
