/** One element's cells (docs/ARGUMENT-RULES.md, rules 3–6): blanks, defaults, coercion, half-filled rows. */
import { describe, expect, it } from 'vitest';
import type { ParamKind } from '../../src/sheets/arguments';
import { elementReader } from '../../src/sheets/element';
import { problem } from '../unit/throws';

const SPEND: ParamKind = { name: 'spend', kind: 'money' };
const MEETINGS: ParamKind = { name: 'meetings', kind: 'count' };
const SHOW: ParamKind = { name: 'showRate', kind: 'rate', optional: true, default: 1 };

describe('elementReader', () => {
  const ALL = [
    { name: 'a', kind: 'count' },
    { name: 'b', kind: 'count' },
    { name: 'c', kind: 'count' },
    { name: 'd', kind: 'count' },
  ] satisfies ParamKind[];
  const list = (...v: unknown[]): unknown => v;

  it('hands the kernel coerced values', () => {
    const read = elementReader(ALL, list, 'blank');
    expect(read('1', 2, '3', 4)).toEqual([1, 2, 3, 4]);
  });

  it('gives blank when any one required argument is blank, before coercing the others', () => {
    const read = elementReader(ALL, list, 'blank');
    expect(read('', 'junk', 'junk', 'junk')).toBe('blank');
    expect(read('junk', '', 'junk', 'junk')).toBe('blank');
    expect(read('junk', 'junk', '', 'junk')).toBe('blank');
    expect(read('junk', 'junk', 'junk', '')).toBe('blank');
    expect(read(null, undefined, '', '')).toBe('blank');
  });

  it('names the first bad argument', () => {
    const read = elementReader(ALL, list, 'blank');
    expect(problem(() => read(1, 'x', -1, 4)).text).toBe('b "x" is not a number');
    expect(problem(() => read(1, 2, -1, 'x')).text).toBe('c -1 is negative');
  });

  it('gives a blank optional argument its default', () => {
    const read = elementReader([SPEND, SHOW], list, 'blank');
    expect(read(100, '', undefined, undefined)).toEqual([100, 1, undefined, undefined]);
    expect(read(100, undefined, undefined, undefined)).toEqual([100, 1, undefined, undefined]);
    expect(read(100, '50%', undefined, undefined)).toEqual([100, 0.5, undefined, undefined]);
    expect(read('', 'junk', undefined, undefined)).toBe('blank');
    const noDefault = elementReader([{ ...SHOW, default: undefined }], list, 'blank');
    expect(noDefault('', undefined, undefined, undefined)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('hands on values in slots past the declared arguments untouched', () => {
    const read = elementReader([SPEND], list, 'blank');
    expect(read(5, 'junk', -1, '')).toEqual([5, 'junk', -1, undefined]);
  });

  it('reads options as text, never a date', () => {
    const read = elementReader([{ name: 'stage', kind: 'text', options: ['Lead'] }], list, '-');
    expect(read('Lead', undefined, undefined, undefined)).toEqual([
      'Lead',
      undefined,
      undefined,
      undefined,
    ]);
    expect(problem(() => read(new Date(2026, 0, 5), undefined, undefined, undefined)).text).toBe(
      'stage 2026-01-05 is a date',
    );
  });

  it('reads at most four arguments', () => {
    expect(() => elementReader([...ALL, SPEND], list, '')).toThrow(/at most 4/);
    expect(() => elementReader(ALL, list, '')).not.toThrow();
  });
});

describe('elementReader for rows of a table', () => {
  const ALL = ['a', 'b', 'c', 'd'].map((name) => ({ name, kind: 'count' }) satisfies ParamKind);
  const list = (...v: unknown[]): unknown => v;

  it('passes a wholly blank row', () => {
    const read = elementReader(ALL, list, 'skip', [true, true, true, true]);
    expect(read('', '', null, undefined)).toBe('skip');
  });

  it('refuses a row filled in part, listing the blank and the filled cells', () => {
    const read = elementReader(ALL, list, 'skip', [true, true, true, true]);
    const one = problem(() => read('', 1, 2, 3));
    expect(one.code).toBe('#VALUE!');
    expect(one.text).toBe('a is blank');
    expect(one.detail).toBe('fill it in, or also clear b, c and d to skip it');
    const three = problem(() => read(1, '', '', ''));
    expect(three.text).toBe('b, c and d are blank');
    expect(three.detail).toBe('fill them in, or also clear a to skip it');
    const two = problem(() => read('', 1, '', 2));
    expect(two.text).toBe('a and c are blank');
    expect(two.detail).toBe('fill them in, or also clear b and d to skip it');
  });

  it('a value repeated down the range is no row’s own cell', () => {
    const read = elementReader(ALL, list, 'skip', [true, true, false, false]);
    expect(read('', '', 0.5, 1)).toBe('skip');
    const p = problem(() => read(1, '', 0.5, 1));
    expect(p.text).toBe('b is blank');
    expect(p.detail).toBe('fill it in, or also clear a to skip it');
  });

  it('optional cells neither count as filled nor as blank', () => {
    const read = elementReader([SPEND, MEETINGS, SHOW], list, 'skip', [true, true, true]);
    expect(read('', '', '50%', undefined)).toBe('skip');
    const p = problem(() => read(1, '', '', undefined));
    expect(p.text).toBe('meetings is blank');
    expect(p.detail).toBe('fill it in, or also clear spend to skip it');
  });
});
