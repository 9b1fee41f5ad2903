import { describe, expect, it } from 'vitest';
import { stripImageMetadata } from './photos.ts';

const seg = (marker: number, body: Buffer | string) => {
  const b = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  return Buffer.concat([Buffer.from([0xff, marker, (b.length + 2) >> 8, (b.length + 2) & 0xff]), b]);
};
const SOI = Buffer.from([0xff, 0xd8]);
const EOI = Buffer.from([0xff, 0xd9]);
const JFIF = seg(0xe0, 'JFIF\0\x01\x02\0\0\x01\0\x01\0\0');
const DQT = seg(0xdb, Buffer.alloc(65, 2));
const SOF = seg(0xc0, Buffer.from([8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
const SOS = seg(0xda, Buffer.from([1, 1, 0, 0, 63, 0]));
const ADOBE = seg(0xee, 'Adobe\0\x64\0\0\0\0\x01');

describe('stripImageMetadata (JPEG)', () => {
  it('drops Exif, XMP, ICC, IPTC, comments and JFXX thumbnails; keeps JFIF, Adobe and every coding segment byte for byte', () => {
    const scan1 = Buffer.from([0x01, 0xff, 0x00, 0x02, 0xff, 0xd0, 0x03, 0xff, 0xd7, 0x04]);
    const scan2 = Buffer.from([0x05, 0xff, 0x00]);
    const input = Buffer.concat([
      SOI, JFIF, seg(0xe0, 'JFXX\0\x10thumb'), seg(0xe1, 'Exif\0\0MM\0*GPSLatitude 30.68'), seg(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>'),
      seg(0xe2, 'ICC_PROFILE\0\x01\x01'), seg(0xed, 'Photoshop 3.0\x008BIM'), seg(0xfe, 'taken at home'), ADOBE, DQT, SOF, SOS, scan1,
      seg(0xe1, 'Exif\0\0late'), SOS, scan2, EOI,
    ]);
    const r = stripImageMetadata(input);
    expect(r.mime).toBe('image/jpeg');
    expect(r.removed).toEqual(['APP0 JFXX', 'APP1 Exif', 'APP1 http://ns.ad', 'APP2 ICC_PROFILE', 'APP13 Photoshop 3.', 'COM', 'APP1 Exif']);
    expect(r.data.equals(Buffer.concat([SOI, JFIF, ADOBE, DQT, SOF, SOS, scan1, SOS, scan2, EOI]))).toBe(true);
  });

  it('returns a file without metadata unchanged', () => {
    const clean = Buffer.concat([SOI, JFIF, DQT, SOF, SOS, Buffer.from([9, 8, 7]), EOI]);
    const r = stripImageMetadata(clean);
    expect(r.removed).toEqual([]);
    expect(r.data.equals(clean)).toBe(true);
  });

  it('refuses damaged files and other formats with REUNION_PHOTO_UNSUPPORTED', () => {
    expect(() => stripImageMetadata(Buffer.concat([SOI, Buffer.from([0xff, 0xe1, 0x40, 0x00, 1, 2])]))).toThrow(expect.objectContaining({ code: 'REUNION_PHOTO_UNSUPPORTED' }));
    expect(() => stripImageMetadata(Buffer.concat([SOI, JFIF, SOS, Buffer.from([1, 2, 3])]))).toThrow(expect.objectContaining({ code: 'REUNION_PHOTO_UNSUPPORTED' }));
    expect(() => stripImageMetadata(Buffer.from('GIF89a......'))).toThrow(expect.objectContaining({ code: 'REUNION_PHOTO_UNSUPPORTED' }));
  });
});

describe('stripImageMetadata (PNG)', () => {
  const chunk = (type: string, data: Buffer | string) => {
    const d = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(d.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), d, Buffer.from([0, 0, 0, 0])]);
  };
  const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  it('drops tEXt, zTXt, iTXt, eXIf and tIME; keeps image chunks byte for byte', () => {
    const IHDR = chunk('IHDR', Buffer.alloc(13, 1));
    const IDAT = chunk('IDAT', Buffer.from([1, 2, 3, 4]));
    const IEND = chunk('IEND', '');
    const input = Buffer.concat([SIG, IHDR, chunk('tEXt', 'Author\0张'), chunk('eXIf', 'MM\0*gps'), chunk('tIME', '\x07\xea\x0b\x1e\0\0\0'), IDAT, chunk('iTXt', 'x'), chunk('zTXt', 'y'), IEND]);
    const r = stripImageMetadata(input);
    expect(r.mime).toBe('image/png');
    expect(r.removed).toEqual(['PNG tEXt', 'PNG eXIf', 'PNG tIME', 'PNG iTXt', 'PNG zTXt']);
    expect(r.data.equals(Buffer.concat([SIG, IHDR, IDAT, IEND]))).toBe(true);
  });
});
