/**
 * Error codes of the demo generator: options that cannot produce a data set. Thrown as
 * `AppError` (the request as a whole fails); the CLI prints the message.
 */
import { defineErrors } from '../core/errors.ts';

export const DemoErrors = defineErrors('demo', {
  DEMO_COUNT_INVALID: { status: 400, zh: '演示快递数量应为非负整数：{value}', en: 'the number of demo parcels must be a non-negative integer: {value}' },
  DEMO_COURIERS_INVALID: { status: 400, zh: '快递企业数量应为 1 至 {max}：{value}', en: 'the number of couriers must be 1 to {max}: {value}' },
  DEMO_OUTLETS_INVALID: { status: 400, zh: '网点数量 {outlets} 少于快递企业数量 {couriers}', en: '{outlets} outlets are fewer than the {couriers} couriers' },
  DEMO_PERIOD_INVALID: { status: 400, zh: '时间段无效：截至 {end} 的 {days} 天', en: 'invalid period: {days} days ending {end}' },
  DEMO_RING_TOO_SMALL: { status: 400, zh: '团伙的 {planted} 件快递至少需要混在 {needed} 件快递中，只有 {count} 件', en: "the ring's {planted} parcels need at least {needed} parcels to hide in, got {count}" },
  DEMO_ENCODING_INVALID: { status: 400, zh: '导出编码应为 gbk 或 utf8：{value}', en: 'the export encoding must be gbk or utf8: {value}' },
});
