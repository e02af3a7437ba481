import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber, formatShare } from '../../ui/format/number.js';
import { formatRupiah, formatRupiahCompact } from '../../ui/format/rupiah.js';
import { formatValue } from '../../ui/format/value.js';

describe('rupiah', () => {
  it('full amounts use id-ID grouping, IDR and no decimals', () => {
    expect(formatRupiah(6_300_000)).toBe('Rp 6.300.000');
    expect(formatRupiah(1234.6)).toBe('Rp 1.235');
    expect(formatRupiah(-950_000)).toBe('-Rp 950.000');
    expect(formatRupiah(1000, 'id', true)).toBe('+Rp 1.000');
    expect(formatRupiah(6_300_000, 'en')).toBe('Rp 6,300,000');
    expect(formatRupiah(null)).toBe('–');
  });

  it('compact amounts name juta, miliar and triliun explicitly', () => {
    expect(formatRupiahCompact(6_300_000)).toBe('Rp 6,3 juta');
    expect(formatRupiahCompact(1_200_000_000)).toBe('Rp 1,2 miliar');
    expect(formatRupiahCompact(3e12)).toBe('Rp 3 triliun');
    expect(formatRupiahCompact(950_000)).toBe('Rp 950 ribu');
    expect(formatRupiahCompact(500)).toBe('Rp 500');
    expect(formatRupiahCompact(0)).toBe('Rp 0');
    expect(formatRupiahCompact(-296_000, 'id', true)).toBe('-Rp 296 ribu');
    expect(formatRupiahCompact(296_000, 'id', true)).toBe('+Rp 296 ribu');
    expect(formatRupiahCompact(6_300_000, 'en')).toBe('Rp 6.3 million');
    expect(formatRupiahCompact(Number.NaN)).toBe('–');
  });

  it('compact rounding moves up a unit instead of printing 1000 of the smaller one', () => {
    expect(formatRupiahCompact(999_960)).toBe('Rp 1 juta');
    expect(formatRupiahCompact(999_960_000)).toBe('Rp 1 miliar');
    expect(formatRupiahCompact(150_000_000)).toBe('Rp 150 juta');
  });
});

describe('numbers per locale', () => {
  it('uses the locale separators', () => {
    expect(formatNumber(1234.5, 'id', 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
    expect(formatNumber(-0.01, 'id', 1)).toBe('0,0');
  });

  it('shares are percentages, counts whole above ten', () => {
    expect(formatShare(0.125, 'id')).toBe('12,5%');
    expect(formatShare(0.125, 'en')).toBe('12.5%');
    expect(formatCount(13.18, 'id')).toBe('13');
    expect(formatCount(2.5, 'en', true)).toBe('+2.5');
    expect(formatValue(0.05, 'share', 'id', true)).toBe('+5,0%');
    expect(formatValue(1.234, 'ratio', 'id')).toBe('1,23');
    expect(formatValue(2e9, 'rupiah', 'id')).toBe('Rp 2 miliar');
  });
});
