import { describe, expect, it } from 'vitest';
import { disclosureFor, maskAddress, maskFor, maskIdNumber, maskName, maskPhone } from './masking.ts';

describe('masking', () => {
  it('masks ID numbers: first 4 + last 4, length kept', () => {
    expect(maskIdNumber('320102199001011234')).toBe('3201**********1234');
    expect(maskIdNumber('11010519880815108X')).toBe('1101**********108X');
    expect(maskIdNumber('320102900101123')).toBe('3201*******1123');
    expect(maskIdNumber('E12345678')).toBe('*******78');
  });

  it('masks phones: mobile 3+4, landline keeps area code and last 4', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678');
    expect(maskPhone('010-88886666')).toBe('010-****6666');
    expect(maskPhone('0512-6581234')).toBe('0512-***1234');
    expect(maskPhone('01088886666')).toBe('010****6666');
    expect(maskPhone('057187654321')).toBe('0571****4321');
  });

  it('masks addresses to the county level', () => {
    expect(maskAddress('江苏省南京市玄武区中山路1号')).toBe('江苏省南京市玄武区');
    expect(maskAddress('北京市朝阳区建国路88号')).toBe('北京市朝阳区');
    expect(maskAddress('湖南省邵阳县长乐乡中心街9号')).toBe('湖南省邵阳县');
    expect(maskAddress('上海市浦东新区张江路500号')).toBe('上海市浦东新区');
    expect(maskAddress('新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路3号')).toBe('新疆维吾尔自治区伊犁哈萨克自治州伊宁市');
    expect(maskAddress('浙江省义乌市稠城街道工人北路12号')).toBe('浙江省义乌市');
    expect(maskAddress('吉林通化市东昌区江南大街5号')).toBe('吉林通化市东昌区');
    expect(maskAddress('中国 广东省深圳市南山区科技园路1号')).toBe('广东省深圳市南山区');
    // Not in the GB/T 2260 data: the suffix rule still cuts at the county level.
    expect(maskAddress('火星省奥林匹斯市塔尔西斯区环形山路3号')).toBe('火星省奥林匹斯市塔尔西斯区');
    expect(maskAddress('幸福里小区3栋')).toBe('***');
  });

  it('masks names keeping the surname (compound surnames whole)', () => {
    expect(maskName('李娜')).toBe('李*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳明月')).toBe('欧阳**');
    expect(maskName('欧阳')).toBe('欧*');
    expect(maskName('王')).toBe('*');
    expect(maskName('阿卜杜拉·买买提')).toBe('阿***·***');
    expect(maskName('John Smith')).toBe('J*** S****');
  });

  it('applies the disclosure table by role and purpose', () => {
    const parcel = {
      id: 7,
      senderName: '李娜',
      senderIdNumber: '320102199001011234',
      senderPhone: '13812345678',
      senderAddress: '江苏省南京市玄武区中山路1号',
      receiverName: '欧阳明月',
      receiverPhone: '010-88886666',
      receiverAddress: '北京市朝阳区建国路88号',
      itemName: '书籍',
    };
    const masked = {
      ...parcel,
      senderName: '李*',
      senderIdNumber: '3201**********1234',
      senderPhone: '138****5678',
      senderAddress: '江苏省南京市玄武区',
      receiverName: '欧阳**',
      receiverPhone: '010-****6666',
      receiverAddress: '北京市朝阳区',
    };
    expect(maskFor('admin', 'parcel', parcel)).toEqual(masked);
    expect(maskFor('clerk', 'parcel', parcel, { purpose: '核对' })).toEqual(masked);
    expect(maskFor('investigator', 'parcel', parcel)).toEqual(masked);
    expect(maskFor('investigator', 'parcel', parcel, { purpose: '盗窃案侦查' })).toEqual(parcel);
    const hidden = maskFor('regulator', 'parcel', parcel);
    expect(hidden.senderIdNumber).toBeNull();
    expect(hidden.receiverAddress).toBeNull();
    expect(hidden.itemName).toBe('书籍');
    expect(maskFor('nobody', 'parcel', parcel).senderPhone).toBeNull();
    expect(maskFor('admin', 'appeal', { residentPhone: '13812345678', title: 'x' })).toEqual({ residentPhone: '138****5678', title: 'x' });
    expect(disclosureFor('viewer', true)).toBe('hidden');
  });
});
