/**
 * Warm-up of a thread that validates registrations (registrationValidator.ts, and the writer
 * thread registrationWorker.ts for small turns): build the prohibited-item segmenter (about 0.4 s:
 * jieba's dictionary) and run the validator until V8 has compiled it — in a cold worker the first
 * 200 records took 260 ms to validate instead of 10 ms, which was the first second's latency of a
 * fresh server.
 */
import type { ParcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type RawParcel } from './parcelValidator.ts';
import { prohibitedCategories, screenItem } from './screening.ts';

/** Validate 3,000 synthetic registrations with `keys` (nothing is stored); takes about 0.2–0.6 s. */
export function warmUpValidation(keys: ParcelCrypto, timezone: string): void {
  prohibitedCategories();
  screenItem('玩具枪');
  const now = new Date();
  const sample: RawParcel = {
    courier: 'ZTO', senderName: '李娜', senderIdType: 'resident', senderIdNumber: '11010519491231002X', senderPhone: '13812345678',
    senderAddress: '浙江省杭州市西湖区文三路1号', receiverName: '王强', receiverPhone: '+86 139 8765 4321', receiverAddress: '北京市东城区东华门街道1号',
    itemName: '连衣裙', itemNature: 'clothing', itemQuantity: 2, weightGrams: 450, outlet: 'ZTO33010601', clerk: 'ZTO33010601-01', inspected: true,
  };
  for (let i = 0; i < 3000; i++) {
    const at = new Date(now.getTime() - (i % 3600) * 1000).toISOString();
    checkParcel({ ...sample, waybillNo: `7891234${String(5678901 + i).padStart(7, '0')}`, acceptedAt: at }, keys, { mode: 'api', now, timezone });
  }
}
