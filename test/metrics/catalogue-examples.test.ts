/** Every catalogue entry is complete, and its examples and the spec's worked examples hold. */
import { describe, expect, it } from 'vitest';
import { CATALOGUE, FUNCTIONS, NATIVE, RUNTIME } from '../../src/metrics/catalogue';

const fn = (name: string) => FUNCTIONS[name]!;

describe('the catalogue', () => {
  it('has exactly the product’s functions, with their argument orders', () => {
    expect(CATALOGUE.map((s) => `${s.name}(${s.params.map((p) => p.name).join(', ')})`)).toEqual([
      'CPQM(spend, meetings, qualRate, showRate)',
      'COST_PER_MEETING(spend, meetings)',
      'MAX_CPQM(deal, close, roas)',
      'HEADROOM(cost, maxCost)',
      'BLENDED_CPQM(spend, meetings, qualRate, showRate)',
      'CPM(spend, impressions)',
      'CPC(spend, clicks)',
      'CTR(clicks, impressions)',
      'CPL(spend, leads)',
      'COST_PER_OPP(spend, opportunities)',
      'CAC(spend, customers)',
      'ROAS(revenue, spend)',
      'CONVERSION(fromCount, toCount)',
      'FUNNEL_RATES(counts)',
      'REVERSE_FUNNEL(target, rates, roundUp)',
      'SHOW_RATE(outcomes, mapping)',
      'QUAL_RATE(outcomes, mapping)',
      'OUTCOME_SUMMARY(outcomes, segments, mapping)',
      'SQMS_NEEDED(quota, coverage, dealSize, sqmToOpp)',
      'SDRS_NEEDED(sqmsNeeded, sqmsPerSdr)',
      'SQM_DECISION(statuses, required, criteria)',
      'SQM_BENCHMARK(metric, value)',
      'CPQM_REPORT(spendChannels, spend, meetingChannels, outcomes, spendDates, meetingDates, period, mapping)',
      'CPQM_TREND(spendChannels, spend, meetingChannels, outcomes, spendDates, meetingDates, period, mapping)',
      'FUNNEL_REPORT(spendChannels, spend, channels, stages, spendDates, period, view, mapping)',
      'DEALS_REPORT(spendChannels, spend, dealChannels, amounts, created, closed, status, spendDates, period, view, mapping)',
    ]);
    expect(RUNTIME.map((r) => r.name)).toEqual(CATALOGUE.map((s) => s.name));
  });

  it.each(CATALOGUE.map((s) => [s.name, s] as const))('%s is fully documented', (_, spec) => {
    expect(spec.summary).toMatch(/^\S.*\.$/);
    expect(spec.summary).not.toMatch(/\n/);
    expect(spec.returns.length).toBeGreaterThan(5);
    expect(spec.examples.length).toBeGreaterThan(0);
    for (const p of spec.params) {
      expect(p.doc, p.name).toMatch(/^\S.*\.$/);
      if (p.kind === 'rate') expect(p.doc, p.name).toMatch(/\d+% or 0\.\d+/);
      if (p.optional) {
        expect(p.doc, p.name).toMatch(/^Optional\./);
        expect(p.doc, p.name).toMatch(/default/);
      } else {
        expect(p.doc, p.name).not.toMatch(/^Optional/);
      }
      for (const option of p.options ?? []) {
        if (spec.name === 'SQM_BENCHMARK') expect(p.doc).toContain(option);
      }
    }
  });

  it.each(CATALOGUE.flatMap((s) => s.examples.map((e) => [e.formula, s.name, e] as const)))(
    '%s gives its documented result',
    (_, name, example) => {
      const result = fn(name)(...example.args);
      if (typeof example.result === 'number') {
        expect(result).toBeCloseTo(example.result, example.digits ?? 9);
      } else {
        expect(result).toEqual(example.result);
      }
    },
  );

  it('has a native form for every element-wise function with a closed form, and for BLENDED_CPQM', () => {
    const elementwise = CATALOGUE.filter((s) => s.mode === 'elementwise').map((s) => s.name);
    // SQM_BENCHMARK is a lookup of forgiving text keys, not arithmetic.
    expect(Object.keys(NATIVE).sort()).toEqual(
      [...elementwise.filter((n) => n !== 'SQM_BENCHMARK'), 'BLENDED_CPQM'].sort(),
    );
  });
});

describe('the worked examples', () => {
  it('CPQM', () => {
    expect(fn('CPQM')(950, 10, 0.7)).toBeCloseTo(135.71, 2);
    expect(Math.round(fn('CPQM')(950, 10, 0.7) as number)).toBe(136);
    expect(fn('CPQM')(1000, 10, 0.6)).toBeCloseTo(166.67, 2);
    expect(fn('CPQM')(1000, 10, 1, 0.8)).toBe(125);
  });

  it('MAX_CPQM', () => {
    expect(fn('MAX_CPQM')(20000, 0.1, 3)).toBeCloseTo(666.67, 2);
  });

  it('SDRS_NEEDED', () => {
    expect(fn('SDRS_NEEDED')(18, 12)).toBe(2);
  });

  it('SQM_DECISION on the qualification checklist example', () => {
    const statuses = [
      ['✓ Met'],
      ['✓ Met'],
      ['✓ Met'],
      ['✓ Met'],
      ['✓ Met'],
      ['⚠ Partial'],
      ['✓ Met'],
      ['✓ Met'],
    ];
    const required = [
      ...Array.from({ length: 6 }, () => ['✓ Required']),
      ['Optional'],
      ['Optional'],
    ];
    expect(fn('SQM_DECISION')(statuses, required)).toBe(
      'SCHEDULE SQM (6/6 required criteria met, B-Quality)',
    );
  });

  it('REVERSE_FUNNEL forgives floating-point noise: 21 / 35% is 60', () => {
    expect(21 / 0.35).not.toBe(60);
    expect(fn('REVERSE_FUNNEL')(21, 0.35)).toEqual([[60], [21]]);
  });
});
