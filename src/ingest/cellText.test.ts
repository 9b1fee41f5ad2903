import { describe, expect, it } from 'vitest';
import { cellText, excelGeneral, numberText } from './cellText.ts';

describe('cell text', () => {
  it("shows numbers the way Excel's General format does (C14's 3.20102E+17)", () => {
    expect(excelGeneral(320102199001011234)).toBe('3.20102E+17');
    expect(excelGeneral(13812345678)).toBe('13812345678');
    expect(excelGeneral(123456789012)).toBe('1.23457E+11');
    expect(excelGeneral(0.1 + 0.2)).toBe('0.3');
    expect(excelGeneral(1088886666)).toBe('1088886666');
    expect(excelGeneral(-12.5)).toBe('-12.5');
    expect(excelGeneral(0.000000123456)).toBe('1.23456E-07');
    expect(excelGeneral(350)).toBe('350');
  });

  it("shows the '0' format with 15 significant digits (C14's zeroed tail) and fixed decimals", () => {
    expect(numberText(320102199001011234, '0')).toBe('320102199001011000');
    expect(numberText(1088886666, '0')).toBe('1088886666');
    expect(numberText(2.5, '0.00')).toBe('2.50');
  });

  it('types cells by how they are stored; formulas by their result', () => {
    expect(cellText('010010')).toEqual({ text: '010010', type: 'string' });
    expect(cellText(10010)).toEqual({ text: '10010', type: 'number' });
    expect(cellText(new Date(Date.UTC(2026, 10, 11, 9, 30)))).toEqual({ text: '2026-11-11 09:30:00', type: 'date' });
    expect(cellText(new Date(Date.UTC(2026, 10, 11)))).toEqual({ text: '2026-11-11', type: 'date' });
    expect(cellText({ formula: 'A1*1', result: 13812345678 })).toEqual({ text: '13812345678', type: 'number' });
    expect(cellText({ richText: [{ text: '李' }, { text: '娜' }] })).toEqual({ text: '李娜', type: 'string' });
    expect(cellText({ error: '#N/A' })).toEqual({ text: '#N/A', type: 'error' });
    expect(cellText(true)).toEqual({ text: 'TRUE', type: 'boolean' });
    expect(cellText(null)).toEqual({ text: '', type: 'empty' });
  });
});
