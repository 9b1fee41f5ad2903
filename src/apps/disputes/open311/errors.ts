/**
 * Error codes of the Open311 GeoReport v2 endpoint. The HTTP statuses follow the spec's
 * "Errors" section: 404 for resources that do not exist (service_code, service_request_id,
 * token), 403 for a missing or invalid api_key, 400 for any other request that cannot be
 * fulfilled. On the wire they are written in the spec's error format
 * (`<errors><error><code/><description/></error></errors>` or its JSON array), see format.ts.
 */
import { defineErrors } from '../../../core/errors.ts';

export const Open311Errors = defineErrors('open311', {
  OPEN311_API_KEY_MISSING: { status: 403, zh: '缺少 api_key，无法创建服务请求', en: "api_key is missing -- can't proceed with create_request" },
  OPEN311_API_KEY_INVALID: { status: 403, zh: 'api_key 无效或已吊销，无法创建服务请求', en: "invalid api_key received -- can't proceed with create_request" },
  OPEN311_SERVICE_CODE_MISSING: { status: 400, zh: '缺少 service_code', en: 'service_code was not provided' },
  OPEN311_SERVICE_NOT_FOUND: { status: 404, zh: '服务类型 {serviceCode} 不存在', en: 'service_code {serviceCode} was not found' },
  OPEN311_REQUEST_NOT_FOUND: { status: 404, zh: '服务请求 {id} 不存在', en: 'service_request_id {id} was not found' },
  OPEN311_TOKEN_NOT_FOUND: { status: 404, zh: '令牌 {token} 不存在', en: 'token {token} was not found' },
  OPEN311_LOCATION_REQUIRED: { status: 400, zh: '须提供位置：lat 与 long，或 address_string，或 address_id', en: 'a location is required: lat and long, or address_string, or address_id' },
  OPEN311_BAD_COORDINATE: { status: 400, zh: '坐标无效：{field}={value}（WGS84 纬度 -90..90，经度 -180..180）', en: 'invalid coordinate {field}={value} (WGS84 latitude -90..90, longitude -180..180)' },
  OPEN311_DESCRIPTION_TOO_LONG: { status: 400, zh: '描述超过 4000 字（{length}）', en: 'description longer than 4,000 characters ({length})' },
  OPEN311_ATTRIBUTE_REQUIRED: { status: 400, zh: '缺少必填属性 attribute[{code}]（{description}）', en: 'required attribute attribute[{code}] is missing ({description})' },
  OPEN311_ATTRIBUTE_INVALID: { status: 400, zh: '属性 attribute[{code}] 的值 {value} 无效：{reason}', en: 'attribute[{code}] has an invalid value {value}: {reason}' },
  OPEN311_BAD_DATETIME: { status: 400, zh: '{field} 不是 W3C 日期时间：{value}', en: '{field} is not a W3C datetime: {value}' },
  OPEN311_DATE_RANGE_TOO_LONG: { status: 400, zh: 'start_date 与 end_date 相隔超过 90 天', en: 'start_date and end_date may not span more than 90 days' },
  OPEN311_BAD_STATUS: { status: 400, zh: 'status 只能是 open 或 closed：{value}', en: 'status must be open or closed: {value}' },
  OPEN311_BAD_FORMAT: { status: 400, zh: '不支持的格式 {format}（支持 xml、json）', en: 'unsupported format {format} (xml and json are served)' },
  OPEN311_BAD_BODY: { status: 400, zh: '请求体无法解析：{reason}', en: 'the request body cannot be read: {reason}' },
  OPEN311_BAD_DIVISION: { status: 400, zh: 'division_code 不是有效的行政区划代码：{value}', en: 'division_code is not a valid division code: {value}' },
  OPEN311_DIVISION_REQUIRED: { status: 400, zh: '须能确定所在区县：address_string 应写明省市区县，或提供 division_code', en: 'the county must be known: name it in address_string or give division_code' },
  OPEN311_KEY_LABEL_REQUIRED: { status: 422, zh: 'API 密钥须有用途说明（至少 2 个字）', en: 'an API key needs a label saying who uses it (at least 2 characters)' },
  OPEN311_KEY_NOT_FOUND: { status: 404, zh: 'API 密钥 {id} 不存在', en: 'API key {id} not found' },
});
