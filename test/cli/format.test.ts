import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../cli/format/csv.js';
import { groupedFixed, reportNumber, formatPercent, formatPoints } from '../../cli/format/number.js';
import { reportRupiah, rupiahUnit } from '../../cli/format/rupiah.js';
import { renderTable, truncate, wrapText } from '../../cli/format/table.js';
import { parseJsonText } from '../../cli/loadScenario.js';

describe('reportRupiah', () => {
  it('uses ribu, juta, miliar and triliun', () => {
    expect(reportRupiah(950)).toBe('Rp 950');
    expect(reportRupiah(295_993)).toBe('Rp 296 ribu');
    expect(reportRupiah(6_300_000)).toBe('Rp 6.3 juta');
    expect(reportRupiah(500_000_000)).toBe('Rp 500 juta');
    expect(reportRupiah(1_234_000_000)).toBe('Rp 1.2 miliar');
    expect(reportRupiah(2.5e12)).toBe('Rp 2.5 triliun');
    expect(reportRupiah(1.5e15)).toBe('Rp 1,500 triliun');
  });

  it('moves up a unit when rounding would print 1000 of the smaller one', () => {
    expect(reportRupiah(999_960)).toBe('Rp 1 juta');
    expect(reportRupiah(999.6)).toBe('Rp 1 ribu');
    expect(rupiahUnit(999_940).id).toBe('ribu');
  });

  it('signs negatives (and positives on request), zero is plain, undefined is n/a', () => {
    expect(reportRupiah(-1_200_000)).toBe('-Rp 1.2 juta');
    expect(reportRupiah(53_800_000, { sign: true })).toBe('+Rp 53.8 juta');
    expect(reportRupiah(0)).toBe('Rp 0');
    expect(reportRupiah(0, { sign: true })).toBe('Rp 0');
    expect(reportRupiah(null)).toBe('n/a');
    expect(reportRupiah(NaN)).toBe('n/a');
    expect(reportRupiah(3e-7)).toBe('Rp 3e-7');
  });
});

describe('numbers', () => {
  it('groups thousands, never prints -0.0, and formats shares', () => {
    expect(reportNumber(1101.84, 1)).toBe('1,101.8');
    expect(reportNumber(-0.01, 1, { sign: true })).toBe('0.0');
    expect(reportNumber(15.55, 1, { sign: true })).toBe('+15.6');
    expect(formatPercent(0.264)).toBe('26.4%');
    expect(formatPercent(null)).toBe('n/a');
    expect(formatPoints(0.0991)).toBe('+9.9 pp');
  });
});

describe('groupedFixed', () => {
  it('gives the digits of Intl en-US formatting with fixed decimals, for any non-negative number', () => {
    const intl = (x: number, d: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }).format(x);
    for (const [x, d] of [[0, 1], [999.95, 1], [1000, 0], [1234567.891, 2], [0.05, 1], [2.5, 0], [1.005, 2], [2.675, 2], [9.995, 2], [99999.5, 0], [1e21, 1], [123456789012345, 3], [21629450692602430, 0], [1e-7, 2]] as const) {
      expect(groupedFixed(x, d)).toBe(intl(x, d));
    }
    fc.assert(fc.property(fc.oneof(fc.double({ min: 0, max: 1e22, noNaN: true }), fc.integer({ min: 0, max: 1e9 }).map((n) => n / 1000)), fc.integer({ min: 0, max: 4 }), (x, d) => groupedFixed(x, d) === intl(x, d)), { numRuns: 5000 });
  });
});

describe('csv', () => {
  it('quotes only fields that need it, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' spaced ')).toBe(' spaced ');
  });

  it('keeps full precision and leaves non-finite numbers empty', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(csvField(1e21)).toBe('1e+21');
    expect(csvField(NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x,y'], [2.5, null]])).toBe('a,b\n1,"x,y"\n2.5,\n');
  });
});

describe('renderTable', () => {
  it('pads every column to its widest cell, right-aligning numbers', () => {
    const text = renderTable(
      [{ header: 'name', align: 'left' }, { header: 'value', align: 'right' }, { header: 'x', align: 'right' }],
      [['a', '1', '10'], 'rule', ['longer name', '12,345', '7']],
    );
    const lines = text.trimEnd().split('\n');
    expect(lines).toEqual([
      'name          value   x',
      '-----------  ------  --',
      'a                 1  10',
      '-----------  ------  --',
      'longer name  12,345   7',
    ]);
    // Right-aligned columns end at the same place on every line.
    const ends = lines.filter((l) => !l.startsWith('-')).map((l) => l.length);
    expect(new Set(ends).size).toBe(1);
  });

  it('has no trailing blanks and can omit the header', () => {
    const text = renderTable([{ header: 'a', align: 'left' }, { header: 'b', align: 'left' }], [['xx', ''], ['y', 'z']], { header: false });
    expect(text).toBe('xx\ny   z\n');
    expect(truncate('a-very-long-scenario-name-indeed', 12)).toBe('a-very-lo...');
  });

  it('wraps a wrap column to fit width, takes cells and headers with line breaks on several lines', () => {
    const columns = [
      { header: 'id', align: 'left' as const },
      { header: 'quantity', align: 'left' as const, wrap: true },
      { header: 'model\n[95% CI]', align: 'right' as const },
    ];
    const rows = [['C1a', 'business training: participants\' profit, months 13-24', '6.45\n[1.82, 11.1]'], ['L4', 'imbalance', 'Rp 0']];
    expect(renderTable(columns, rows, { width: 33 })).toBe(
      [
        '                            model',
        'id   quantity            [95% CI]',
        '---  --------------  ------------',
        'C1a  business                6.45',
        '     training:       [1.82, 11.1]',
        "     participants'",
        '     profit, months',
        '     13-24',
        'L4   imbalance               Rp 0',
        '',
      ].join('\n'),
    );
    // Never narrower than the longest word: at width 30 the column keeps "participants'" whole (13).
    expect(Math.max(...renderTable(columns, rows, { width: 30 }).split('\n').map((l) => l.length))).toBe(32);
    // Without a width (or wide enough) nothing wraps.
    expect(renderTable(columns, rows).split('\n')[3]).toBe("C1a  business training: participants' profit, months 13-24          6.45");
    expect(wrapText('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
    expect(wrapText('abcdefghij x', 4)).toEqual(['abcd', 'efgh', 'ij x']);
    expect(wrapText('one\n\ntwo', 10)).toEqual(['one', '', 'two']);
  });
});

describe('parseJsonText', () => {
  const problem = (text: string) => {
    try {
      parseJsonText(text, 'x.json');
    } catch (e) {
      return (e as Error).message;
    }
    return null;
  };
  it('parses valid JSON and says where invalid JSON breaks, naming the file', () => {
    expect(parseJsonText('{"a": [1, 2.5e3, true, null]}', 'x.json')).toEqual({ a: [1, 2500, true, null] });
    expect(problem('{\n  "a": 1,\n}')).toMatch(/^x\.json: invalid JSON at line 3, column 1: [^\n]+\n[\s\S]*> 3 \| }/);
    expect(problem('{"a": 1')).toMatch(/x\.json: invalid JSON/);
    expect(problem('   ')).toBe('x.json: empty file (expected a JSON scenario object)');
  });
});
