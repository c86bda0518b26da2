import { describe, expect, it } from 'vitest';
import { plural } from '../../src/addon/templates/plural';

describe('plural', () => {
  it.each([
    ['Customer', 'Customers'],
    ['Opportunity', 'Opportunities'],
    ['SQL', 'SQLs'],
    ['MQL', 'MQLs'],
    ['Lead', 'Leads'],
    ['Sales', 'Sales'],
    ['Meeting held', 'Meetings held'],
    ['Deal won', 'Deals won'],
    ['Qualified lead', 'Qualified leads'],
    ['Demo booked', 'Demos booked'],
    ['Business', 'Businesses'],
    ['Day', 'Days'],
  ])('%s → %s', (name, want) => {
    expect(plural(name)).toBe(want);
  });
});
