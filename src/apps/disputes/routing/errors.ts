/** Error codes of the routing replay (Boston 311 and other handled-case files). */
import { defineErrors } from '../../../core/errors.ts';

export const RoutingErrors = defineErrors('disputes.routing', {
  ROUTING_FILE_COLUMNS: { status: 422, zh: '文件缺少列：{columns}', en: 'the file lacks columns: {columns}' },
  ROUTING_BAD_TIME: { status: 422, zh: '第 {line} 行 {column} 的时间无法识别：{value}', en: 'line {line}: unreadable time in {column}: {value}' },
});
