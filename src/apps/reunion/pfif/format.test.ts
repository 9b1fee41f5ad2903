import { describe, expect, it } from 'vitest';
import { isHttpUrl, matchesFormat, parsePfifDate, recordIdDomain } from './format.ts';

describe('PFIF field formats (PFIF 1.4 §2)', () => {
  it('record ids are an RFC 1034 domain, a slash and a local part', () => {
    expect(recordIdDomain('example.org/local-id.3')).toBe('example.org');
    expect(recordIdDomain('Example.ORG./x')).toBe('example.org');
    expect(recordIdDomain('example.org/')).toBeNull();
    expect(recordIdDomain('/local-id.4')).toBeNull();
    expect(recordIdDomain('http://foo/bar')).toBeNull();
    expect(recordIdDomain('1example.org/x')).toBeNull();
  });

  it('dates are UTC with a Z, optional fraction; parsePfifDate also needs a real calendar time', () => {
    expect(matchesFormat('date', '2000-01-16T02:07:57Z')).toBe(true);
    expect(matchesFormat('date', '2000-01-16T02:07:57.25Z')).toBe(true);
    expect(matchesFormat('date', '2000-01-16T02:07:57')).toBe(false);
    expect(matchesFormat('date', '2000-01-16 02:07:57Z')).toBe(false);
    expect(parsePfifDate('2000-01-16T02:07:57Z')).toBe(Date.UTC(2000, 0, 16, 2, 7, 57));
    expect(parsePfifDate('1234-56-78T90:12:34Z')).toBeNull();
    expect(parsePfifDate('2001-02-29T00:00:00Z')).toBeNull();
  });

  it('closed value sets and number formats', () => {
    expect(['male', 'female', 'other', 'M'].map((v) => matchesFormat('sex', v))).toEqual([true, true, true, false]);
    expect(['believed_dead', 'is_note_author', 'found'].map((v) => matchesFormat('status', v))).toEqual([true, true, false]);
    expect(['true', 'false', 'TRUE', '1'].map((v) => matchesFormat('boolean', v))).toEqual([true, true, false, false]);
    expect(['1990', '1990-09', '1990-09-15', '09-15-1990'].map((v) => matchesFormat('date_of_birth', v))).toEqual([true, true, true, false]);
    expect(['20', '3-100', '20.5', '3,100'].map((v) => matchesFormat('age', v))).toEqual([true, true, false, false]);
    expect(['CA', 'US-CA', '71', 'ABC', '1234'].map((v) => matchesFormat('iso_state', v))).toEqual([true, true, true, true, false]);
    expect(['(123)456-7890', '+1 234 5678x12', '123defghi'].map((v) => matchesFormat('phone', v))).toEqual([true, true, false]);
  });

  it('URLs are http(s) with a host; profile_urls is one URL per line', () => {
    expect(isHttpUrl('https://user:pass@host:999/url_path?var=val#hash')).toBe(true);
    expect(isHttpUrl('HTTP://a.example')).toBe(true);
    expect(isHttpUrl('ftp://a.example/x')).toBe(false);
    expect(isHttpUrl('http:///x')).toBe(false);
    expect(isHttpUrl('bad.port:foo')).toBe(false);
    expect(matchesFormat('url_list', 'https://a.example/x\nhttp://b.example')).toBe(true);
    expect(matchesFormat('url_list', 'https://a.example/x\nnot a url')).toBe(false);
  });
});
