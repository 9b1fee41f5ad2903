/**
 * src/core: value types and the validators of the standards Gongzhi reads (GB 11643 ID numbers,
 * GB/T 2260 divisions and addresses, phones, postcodes, GB 32100 USCC, waybills, dates). Every
 * validator returns a `ValidationResult` and never throws on bad input.
 */
export { type ValidationResult, ok, fail, resultOf } from './result.ts';
export { CoreErrors, type Issue } from './errors.ts';
export { validateIdNumber, idReferenceDay, type IdNumberParsed, type IdNumberOptions } from './id-number/id-number.ts';
export { idCheckChar, upgradeIdNumber15 } from './id-number/checksum.ts';
export { lookupDivision, validateDivision, divisionLevel, type DivisionInfo, type DivisionRef, type DivisionLevel } from './division/division.ts';
export { parseAddress, type ParsedAddress } from './division/address.ts';
export { validatePhone, mobileBlock, type PhoneParsed, type PhoneKind } from './phone/phone.ts';
export { validatePostcode, type PostcodeParsed } from './postcode/postcode.ts';
export { validateUscc, usccCheckChar, type UsccParsed } from './uscc/uscc.ts';
export { validateWaybill, detectCourier, findCourier, s10CheckDigit, COURIERS, type Courier, type WaybillFormat, type WaybillParsed } from './waybill/waybill.ts';
export { parseDate, isoInstantMs, localDateTimeMs, toInstant, localDay, formatLocal, DEFAULT_TIMEZONE, type ParsedDate, type DatePrecision } from './date/date.ts';
export { isLeapYear, isRealDate, daysInMonth } from './date/calendar.ts';
export { isTimeZone } from './date/timezone.ts';
