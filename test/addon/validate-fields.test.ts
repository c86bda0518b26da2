/**
 * The settings parser decides field by field: which values are accepted, at
 * which bound a number or a text stops being accepted, on which path a
 * problem is reported, and what the parsed settings hold. Every number field,
 * every stage, every channel and every text limit is checked at its edges.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  type Settings,
  TEMPLATE_IDS,
  TEMPLATE_TITLES,
} from '../../src/addon/settings';
import { parseSettings, validateSettings } from '../../src/addon/validate';
import { LIMITS } from '../../src/addon/validate-checker';
import { nonNegative, positive, positiveRate, rate } from '../../src/addon/validate-rules';

type Patch = (s: any) => void;

/** The default settings with a change. */
function settings(patch: Patch = () => {}): any {
  const s = structuredClone(defaultSettings()) as any;
  patch(s);
  return s;
}

/** The paths of the problems found in the default settings after a change. */
function refused(patch: Patch): string[] {
  return validateSettings(settings(patch)).map((e) => e.field);
}

/** The parsed settings after a change, which must have no problem. */
function accepted(patch: Patch): Settings {
  const result = parseSettings(settings(patch));
  expect(result.ok ? [] : result.errors).toEqual([]);
  expect(result.ok).toBe(true);
  return (result as { value: Settings }).value;
}

/** The value at a dotted path ("stages.2.rate"). */
function valueAt(obj: unknown, path: string): unknown {
  return path.split('.').reduce((o: any, key) => o?.[key], obj);
}

function setAt(obj: any, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  const parent = keys.reduce((o: any, key) => o[key], obj);
  parent[last] = value;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}

describe('settings that are not settings at all', () => {
  it('are refused with one problem on no field', () => {
    for (const input of [null, undefined, 'x', 42, true, [], [defaultSettings()]]) {
      const result = parseSettings(input);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['']);
      expect(validateSettings(input).map((e) => e.field)).toEqual(['']);
    }
  });

  it('an empty object is missing every required field, each on its own path', () => {
    expect(validateSettings({}).map((e) => e.field)).toEqual([
      'templates',
      'stages',
      'meetingStage',
      'economics',
      'channels',
      'formulaStyle',
    ]);
  });

  it('the defaults parse to themselves and have nothing to fix', () => {
    expect(parseSettings(defaultSettings())).toEqual({ ok: true, value: defaultSettings() });
    expect(validateSettings(defaultSettings())).toEqual([]);
  });

  it('a problem in one field hides none in the others', () => {
    expect(
      refused((s) => {
        s.templates = ['pivot'];
        s.meetingStage = 'Demo';
        s.formulaStyle = 'excel';
      }),
    ).toEqual(['templates', 'meetingStage', 'formulaStyle']);
  });
});

describe('number rules at their bounds', () => {
  it('positive: just above 0 is enough', () => {
    expect(positive(Number.MIN_VALUE)).toBeUndefined();
    expect(positive(1e12)).toBeUndefined();
    expect(positive(0)).toBeDefined();
    expect(positive(-0)).toBeDefined();
    expect(positive(-Number.MIN_VALUE)).toBeDefined();
  });

  it('nonNegative: 0 is allowed, anything below is not', () => {
    expect(nonNegative(0)).toBeUndefined();
    expect(nonNegative(Number.MIN_VALUE)).toBeUndefined();
    expect(nonNegative(-Number.MIN_VALUE)).toBeDefined();
    expect(nonNegative(-1)).toBeDefined();
  });

  it('rate: 0 and 1 both in, just outside either end out', () => {
    expect(rate(0)).toBeUndefined();
    expect(rate(0.5)).toBeUndefined();
    expect(rate(1)).toBeUndefined();
    expect(rate(-1e-9)).toBeDefined();
    expect(rate(1 + 1e-9)).toBeDefined();
  });

  it('positiveRate: 1 in, 0 and just above 1 out', () => {
    expect(positiveRate(1e-9)).toBeUndefined();
    expect(positiveRate(1)).toBeUndefined();
    expect(positiveRate(0)).toBeDefined();
    expect(positiveRate(-0.5)).toBeDefined();
    expect(positiveRate(1 + 1e-9)).toBeDefined();
  });

  it('a rate out of range is shown as it was most likely meant', () => {
    // A fraction shows as a percentage, negative whole numbers too.
    expect(rate(-1)).toContain('(you entered -100%)');
    expect(rate(1.5)).toContain('(you entered 150%)');
    expect(positiveRate(0)).toContain('(you entered 0%)');
    // A whole number from 2 to 100 was a percentage.
    expect(rate(2)).toContain('(you entered 2; enter 2% or 0.02)');
    expect(rate(100)).toContain('(you entered 100; enter 100% or 1)');
    // Above 100 it is shown as it was entered.
    expect(rate(100.5)).toContain('(you entered 100.5)');
    expect(rate(101)).toContain('(you entered 101)');
    expect(positiveRate(250)).toContain('(you entered 250)');
  });
});

type Kind = 'positive' | 'nonNegative' | 'rate' | 'positiveRate';

/** Values each rule accepts and refuses, right at its bounds. */
const BOUNDS: Record<Kind, { ok: number[]; bad: number[] }> = {
  positive: { ok: [1e-9, 1, 3, 1e9], bad: [0, -1e-9, -1] },
  nonNegative: { ok: [0, 1e-9, 1, 1e9], bad: [-1e-9, -1] },
  rate: { ok: [0, 1e-9, 0.5, 1], bad: [-1e-9, -1, 1 + 1e-9, 2, 100] },
  positiveRate: { ok: [1e-9, 0.5, 1], bad: [0, -1e-9, -0.5, 1 + 1e-9, 2, 60, 100] },
};

/** Not numbers, or numbers no field accepts. */
const NOT_NUMBERS: unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  '5',
  '0.5',
  '',
  ' ',
  null,
  undefined,
  true,
  false,
  [],
  [1],
  {},
];

/** Every number field of the default settings, with the rule it keeps. */
const NUMBER_FIELDS: [string, Kind][] = [
  ['economics.revenueTarget', 'positive'],
  ['economics.dealSize', 'positive'],
  ['economics.closeRate', 'positiveRate'],
  ['economics.targetRoas', 'positive'],
  ['economics.budget', 'nonNegative'],
  // Every stage but the last has a rate to the next stage.
  ...range(6).map((k): [string, Kind] => [`stages.${k}.rate`, 'positiveRate']),
  ...range(3).flatMap((k): [string, Kind][] => [
    [`channels.rows.${k}.spend`, 'nonNegative'],
    [`channels.rows.${k}.meetings`, 'nonNegative'],
    [`channels.rows.${k}.showRate`, 'rate'],
    [`channels.rows.${k}.qualRate`, 'rate'],
  ]),
];

describe('every number field', () => {
  for (const [path, kind] of NUMBER_FIELDS) {
    it(`${path} keeps the ${kind} rule and is reported on its own path`, () => {
      for (const n of BOUNDS[kind].ok) {
        expect(
          valueAt(
            accepted((s) => setAt(s, path, n)),
            path,
          ),
        ).toBe(n);
      }
      for (const n of BOUNDS[kind].bad) {
        expect(refused((s) => setAt(s, path, n))).toEqual([path]);
      }
      for (const v of NOT_NUMBERS) {
        expect(refused((s) => setAt(s, path, v))).toEqual([path]);
      }
    });
  }

  it('a missing field is also reported on its path', () => {
    for (const [path] of NUMBER_FIELDS) {
      const s = settings();
      const keys = path.split('.');
      const last = keys.pop()!;
      delete (valueAt(s, keys.join('.')) as any)[last];
      expect(validateSettings(s).map((e) => e.field)).toEqual([path]);
    }
  });

  it('echoes what was typed, and nothing when the field was left blank', () => {
    const message = (v: unknown) => {
      const errors = validateSettings(settings((s) => (s.economics.dealSize = v)));
      expect(errors.map((e) => e.field)).toEqual(['economics.dealSize']);
      return errors[0]!.message;
    };
    for (const blank of ['', null, undefined]) expect(message(blank)).not.toMatch(/entered/);
    expect(message('abc')).toContain('(you entered "abc")');
    expect(message(' ')).toContain('(you entered " ")');
    expect(message(false)).toContain('(you entered FALSE)');
    expect(message(-5)).toContain('(you entered -5)');
  });
});

describe('templates', () => {
  const chosen = (templates: unknown) => accepted((s) => (s.templates = templates)).templates;

  it('each template can be chosen alone, and is the only one made', () => {
    // The Channel report and the Full funnel need sheets mapped first.
    for (const id of TEMPLATE_IDS.filter((t) => t !== 'channelReport' && t !== 'fullFunnel')) {
      expect(chosen([id])).toEqual([id]);
    }
  });

  it('come out in their fixed order, whatever order they were ticked in', () => {
    expect(chosen(['definitions', 'meetingOutcomes', 'channelComparison', 'funnelPlan'])).toEqual([
      'funnelPlan',
      'channelComparison',
      'meetingOutcomes',
      'definitions',
    ]);
    expect(chosen(['definitions', 'channelComparison'])).toEqual([
      'channelComparison',
      'definitions',
    ]);
  });

  it('refuses no templates, a list that is not one, unknown ones and repeats', () => {
    for (const v of [
      [],
      undefined,
      null,
      'funnelPlan',
      {},
      { 0: 'funnelPlan', length: 1 },
      5,
      ['pivot'],
      ['funnelPlan', 'Funnel plan'],
      ['funnelPlan', null],
      ['funnelPlan', 'funnelPlan'],
      ['definitions', 'funnelPlan', 'definitions'],
    ]) {
      expect(refused((s) => (s.templates = v))).toEqual(['templates']);
    }
  });

  it('names every template an unknown one could have been', () => {
    const [error] = validateSettings(settings((s) => (s.templates = ['pivot'])));
    expect(error!.message).toContain(TEMPLATE_IDS.map((t) => TEMPLATE_TITLES[t]).join(', '));
  });
});

/** Settings with `n` stages named "Stage 1"… and the first as the meeting stage. */
function withStages(n: number): Patch {
  return (s) => {
    s.stages = range(n).map((k) => ({ name: `Stage ${k + 1}`, rate: k === n - 1 ? null : 0.5 }));
    s.meetingStage = 'Stage 1';
  };
}

describe('stages', () => {
  it(`takes from ${LIMITS.minStages} to ${LIMITS.maxStages} stages`, () => {
    expect(LIMITS.minStages).toBe(2);
    expect(LIMITS.maxStages).toBe(20);
    expect(accepted(withStages(2)).stages).toEqual([
      { name: 'Stage 1', rate: 0.5 },
      { name: 'Stage 2', rate: null },
    ]);
    expect(accepted(withStages(3)).stages).toHaveLength(3);
    expect(accepted(withStages(20)).stages).toHaveLength(20);
    for (const n of [0, 1, 21, 40]) expect(refused(withStages(n))).toEqual(['stages']);
  });

  it('refuses stages that are not a list', () => {
    for (const v of [undefined, null, {}, 'Visitor, Lead', { 0: { name: 'A' }, length: 2 }]) {
      expect(refused((s) => (s.stages = v))).toEqual(['stages']);
    }
  });

  it('reports a stage that is not an object on its own path', () => {
    for (const k of [0, 3, 6]) {
      for (const v of [null, undefined, [], ['Lead', 0.3], 'Lead', 5]) {
        expect(refused((s) => (s.stages[k] = v))).toEqual([`stages.${k}`]);
      }
    }
  });

  it('ignores whatever rate the last stage carries, and only that one', () => {
    for (const v of [undefined, null, 0, 5, -1, 'x', 0.3]) {
      const parsed = accepted((s) => (s.stages[6].rate = v));
      expect(parsed.stages[6]!.rate).toBeNull();
      expect(parsed.stages[5]!.rate).toBe(0.25);
    }
    expect(accepted(withStages(2)).stages[0]!.rate).toBe(0.5);
    expect(refused((s) => (s.stages[5].rate = null))).toEqual(['stages.5.rate']);
  });

  it('stage names: trimmed, at most 60 characters, never blank or not text', () => {
    expect(LIMITS.nameLength).toBe(60);
    for (const k of [0, 3, 6]) {
      const path = `stages.${k}.name`;
      const name = `${k}`.padEnd(60, 'n');
      expect(accepted((s) => (s.stages[k].name = name)).stages[k]!.name).toBe(name);
      expect(accepted((s) => (s.stages[k].name = `  ${name}\t`)).stages[k]!.name).toBe(name);
      for (const v of [`${name}n`, '', '   ', undefined, null, 5, ['Lead'], {}]) {
        expect(refused((s) => (s.stages[k].name = v))).toEqual([path]);
      }
    }
  });

  it('refuses a repeated name, whatever its case and spaces, on the later stage', () => {
    expect(refused((s) => (s.stages[3].name = ' visitor '))).toEqual(['stages.3.name']);
    expect(refused((s) => (s.stages[1].name = 'VISITOR'))).toEqual(['stages.1.name']);
    expect(refused((s) => (s.stages[6].name = 'opportunity'))).toEqual(['stages.6.name']);
    expect(
      refused((s) => {
        s.stages[1].name = 'Visitor';
        s.stages[2].name = 'visitor';
      }),
    ).toEqual(['stages.1.name', 'stages.2.name']);
    const [error] = validateSettings(settings((s) => (s.stages[3].name = 'visitor')));
    expect(error!.message).toMatch(/\bstage 1\b/);
  });

  it('names the stage in the message about its rate, by number when it has no name', () => {
    const byName = validateSettings(settings((s) => (s.stages[1].rate = 2)));
    expect(byName.map((e) => e.field)).toEqual(['stages.1.rate']);
    expect(byName[0]!.message).toContain('Lead');
    const byNumber = validateSettings(
      settings((s) => {
        s.stages[1].name = '';
        s.stages[1].rate = 2;
      }),
    );
    expect(byNumber.map((e) => e.field)).toEqual(['stages.1.name', 'stages.1.rate']);
    expect(byNumber[1]!.message).toMatch(/\bstage 2\b/);
    // The blank name itself is asked for by the stage's number.
    expect(byNumber[0]!.message).toMatch(/\bstage 2\b/);
  });

  it('a stage problem is not also reported on the meeting stage', () => {
    expect(refused((s) => (s.stages[4].name = ''))).toEqual(['stages.4.name']);
    expect(refused((s) => (s.stages[4].rate = 0))).toEqual(['stages.4.rate']);
  });
});

describe('meeting stage', () => {
  it('may be any stage, named as it is after trimming', () => {
    for (const name of ['Visitor', 'Lead', 'SQL', 'Customer']) {
      expect(accepted((s) => (s.meetingStage = name)).meetingStage).toBe(name);
    }
    expect(accepted((s) => (s.meetingStage = '  MQL ')).meetingStage).toBe('MQL');
    const renamed = accepted((s) => {
      s.stages[4].name = ' Qualified ';
      s.meetingStage = 'Qualified';
    });
    expect(renamed.meetingStage).toBe('Qualified');
    expect(renamed.stages[4]!.name).toBe('Qualified');
  });

  it('must be one of the stages, case and all', () => {
    for (const v of ['sqm', 'Demo', 'SQM2', '', '   ', undefined, null, 5, ['SQM']]) {
      expect(refused((s) => (s.meetingStage = v))).toEqual(['meetingStage']);
    }
    expect(refused((s) => (s.stages[4].name = 'Qualified'))).toEqual(['meetingStage']);
  });

  it('is only checked against stages that parsed, but must never be blank', () => {
    expect(
      refused((s) => {
        s.stages = [{ name: 'Lead', rate: null }];
        s.meetingStage = 'Demo';
      }),
    ).toEqual(['stages']);
    expect(
      refused((s) => {
        s.stages = null;
        s.meetingStage = ' ';
      }),
    ).toEqual(['stages', 'meetingStage']);
    // Stages that parsed are checked even when another field is wrong.
    expect(
      refused((s) => {
        s.templates = [];
        s.meetingStage = 'Demo';
      }),
    ).toEqual(['templates', 'meetingStage']);
  });
});

describe('economics', () => {
  it('refuses economics that are not an object', () => {
    for (const v of [undefined, null, [], [1, 2], 'x', 5]) {
      expect(refused((s) => (s.economics = v))).toEqual(['economics']);
    }
  });

  it('keeps every value as entered', () => {
    const economics = {
      revenueTarget: 250_000,
      dealSize: 12_500,
      closeRate: 1,
      targetRoas: 0.5,
      budget: 0,
      currency: 'CHF',
    };
    expect(accepted((s) => (s.economics = { ...economics, note: 'x' })).economics).toEqual(
      economics,
    );
  });

  it('currency: trimmed, at most 5 characters, no quotes or backslashes', () => {
    expect(LIMITS.currencyLength).toBe(5);
    const currency = (v: unknown) => accepted((s) => (s.economics.currency = v)).economics.currency;
    for (const ok of ['£', '$', '€', 'CHF', 'ABCDE', "'"]) expect(currency(ok)).toBe(ok);
    expect(currency('  CHF ')).toBe('CHF');
    expect(currency(' ABCDE  ')).toBe('ABCDE');
    for (const bad of ['ABCDEF', '', '  ', undefined, null, 5, ['£'], '"', 'a"', '\\', 'US\\']) {
      expect(refused((s) => (s.economics.currency = bad))).toEqual(['economics.currency']);
    }
  });
});

/** Settings with `n` typed channels. */
function withChannels(n: number): Patch {
  return (s) => {
    s.channels.rows = range(n).map((k) => ({
      name: `Channel ${k + 1}`,
      spend: k,
      meetings: 1,
      showRate: 1,
      qualRate: 0,
    }));
  };
}

describe('typed channels', () => {
  it(`takes from 1 to ${LIMITS.maxChannels} channels`, () => {
    expect(LIMITS.maxChannels).toBe(200);
    expect(accepted(withChannels(1)).channels).toEqual({
      mode: 'typed',
      rows: [{ name: 'Channel 1', spend: 0, meetings: 1, showRate: 1, qualRate: 0 }],
    });
    const parsed = accepted(withChannels(200)).channels;
    expect(parsed.mode === 'typed' && parsed.rows).toHaveLength(200);
    for (const n of [0, 201]) expect(refused(withChannels(n))).toEqual(['channels.rows']);
  });

  it('refuses rows that are not a list', () => {
    for (const v of [undefined, null, {}, 'Outbound', { 0: {}, length: 1 }]) {
      expect(refused((s) => (s.channels.rows = v))).toEqual(['channels.rows']);
    }
  });

  it('reports a row that is not an object on its own path', () => {
    for (const k of [0, 2]) {
      for (const v of [null, undefined, [], 'Events', 5]) {
        expect(refused((s) => (s.channels.rows[k] = v))).toEqual([`channels.rows.${k}`]);
      }
    }
  });

  it('keeps the fields it knows, names trimmed', () => {
    const parsed = accepted((s) => {
      s.channels.rows[1].name = '  Paid social ';
      s.channels.rows[1].colour = 'red';
      s.channels.note = 'x';
    });
    expect(parsed.channels).toEqual(defaultSettings().channels);
  });

  it('channel names: at most 60 characters, never blank or not text', () => {
    for (const k of [0, 2]) {
      const path = `channels.rows.${k}.name`;
      const name = `${k}`.padEnd(60, 'c');
      const parsed = accepted((s) => (s.channels.rows[k].name = ` ${name} `)).channels;
      expect(parsed.mode === 'typed' && parsed.rows[k]!.name).toBe(name);
      for (const v of [`${name}c`, '', '  ', undefined, null, 7, {}]) {
        expect(refused((s) => (s.channels.rows[k].name = v))).toEqual([path]);
      }
    }
  });

  it('refuses a repeated channel name, whatever its case, on the later channel', () => {
    expect(refused((s) => (s.channels.rows[2].name = ' outbound '))).toEqual([
      'channels.rows.2.name',
    ]);
    expect(refused((s) => (s.channels.rows[1].name = 'OUTBOUND'))).toEqual([
      'channels.rows.1.name',
    ]);
    expect(refused((s) => (s.channels.rows[2].name = 'Paid Social'))).toEqual([
      'channels.rows.2.name',
    ]);
    const [error] = validateSettings(settings((s) => (s.channels.rows[2].name = 'outbound')));
    expect(error!.message).toMatch(/\bchannel 1\b/);
    // A channel may share a name with a stage.
    expect(accepted((s) => (s.channels.rows[0].name = 'SQM')).meetingStage).toBe('SQM');
  });

  it('names the channel in its other messages, by number when it has no name', () => {
    const errors = validateSettings(
      settings((s) => {
        s.channels.rows[1].name = '';
        s.channels.rows[1].spend = -1;
        s.channels.rows[2].qualRate = 2;
      }),
    );
    expect(errors.map((e) => e.field)).toEqual([
      'channels.rows.1.name',
      'channels.rows.1.spend',
      'channels.rows.2.qualRate',
    ]);
    expect(errors[0]!.message).toMatch(/\bchannel 2\b/);
    expect(errors[1]!.message).toMatch(/\bchannel 2\b/);
    expect(errors[2]!.message).toContain('Events');
  });

  it('refuses channels that are neither typed nor mapped', () => {
    const rows = defaultSettings().channels;
    for (const v of [
      undefined,
      null,
      [],
      'typed',
      { rows: (rows as any).rows },
      { ...rows, mode: 'Typed' },
      { ...rows, mode: 'table' },
      { ...rows, mode: '' },
    ]) {
      expect(refused((s) => (s.channels = v))).toEqual(['channels']);
    }
  });
});

describe('formula style and attribution window', () => {
  it('formula style: add-on or native, nothing else', () => {
    for (const style of ['addon', 'native']) {
      expect(accepted((s) => (s.formulaStyle = style)).formulaStyle).toBe(style);
    }
    for (const v of ['excel', 'Addon', ' native', '', undefined, null, true]) {
      expect(refused((s) => (s.formulaStyle = v))).toEqual(['formulaStyle']);
    }
  });

  it('attribution window: optional, trimmed, at most 200 characters', () => {
    expect(LIMITS.attributionLength).toBe(200);
    const window = (v: unknown) => accepted((s) => (s.attributionWindow = v)).attributionWindow;
    for (const blank of [undefined, null, '', '   ']) expect(window(blank)).toBe('');
    expect(window(' 30 days ')).toBe('30 days');
    const long = 'w'.repeat(200);
    expect(window(long)).toBe(long);
    expect(window(`  ${long}  `)).toBe(long);
    expect(accepted((s) => delete s.attributionWindow).attributionWindow).toBe('');
    for (const bad of [`${long}w`, 5, ['30 days'], {}]) {
      expect(refused((s) => (s.attributionWindow = bad))).toEqual(['attributionWindow']);
    }
  });
});
