/**
 * What both registration threads that validate (registrationValidator.ts, and the writer
 * registrationWorker.ts for the turns it validates itself) do with a request: check its records,
 * in groups of GROUP_RECORDS, after a warm-up.
 */
import type { ParcelCrypto } from './parcelCrypto.ts';
import { checkParcel, type RawParcel } from './parcelValidator.ts';
import type { ThreadRequest, ValidatedRequest } from './registrationThread.ts';
import { prohibitedCategories, screenItem } from './screening.ts';

/**
 * Records a thread validates before it hands them on (validator) or writes them (writer): waiting
 * requests are taken in order of arrival in groups of at least this many records (a request is
 * never split). Validating everything that waited before handing on or writing any of it kept every
 * waiting record's check alive until the last was done: the registration thread's scavenges found
 * 3–3.5 MB of such checks alive, promoted them and paused 12–70 ms (bench/profileServer.ts batch,
 * open-loop, 1,000,000 stored).
 */
export const GROUP_RECORDS = 100;

/** The checks of a request's records under the counter policy (mode 'api'), at the request's clock. */
export function checkRequest(r: ThreadRequest, keys: ParcelCrypto, timezone: string): ValidatedRequest {
  const now = new Date(r.now);
  return { id: r.id, writable: r.writable, createdAt: r.createdAt, checks: r.records.map((record) => checkParcel(record, keys, { mode: 'api', now, timezone })) };
}

/**
 * Warm-up of a thread that validates registrations: build the prohibited-item segmenter (about
 * 0.4 s: jieba's dictionary) and run the validator until V8 has compiled it — in a cold worker the
 * first 200 records took 260 ms to validate instead of 10 ms, which was the first second's latency
 * of a fresh server. Validates 3,000 synthetic registrations with `keys` (nothing is stored);
 * takes about 0.2–0.6 s.
 */
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
