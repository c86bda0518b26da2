/**
 * Settings that point at tables in the user's spreadsheet: channels mapped to
 * columns of a sheet, the raw ad spend and meetings of the Channel report, and
 * an existing meeting log. Which sheet and header is accepted, which column
 * may be left out (a date when no period is asked), where each problem is
 * reported and what the parsed settings hold.
 */
import { describe, expect, it } from 'vitest';
import type { SheetInfo } from '../../src/addon/api';
import { defaultSettings, type Settings } from '../../src/addon/settings';
import { parseSettings, validateSettings } from '../../src/addon/validate';
import { LIMITS } from '../../src/addon/validate-checker';
import { mappedSettings } from '../templates/helpers';

const SHEETS: SheetInfo[] = [
  {
    name: 'My data',
    headers: ['Channel', 'Month', 'Cost', 'Booked', 'Show %', 'Qual %'],
    dataRows: 4,
  },
  { name: 'Ad spend', headers: ['Day', 'Campaign', ' Source', 'Amount spent'], dataRows: 10 },
  { name: 'CRM', headers: ['Meeting date', 'Lead source', 'Outcome ', ''], dataRows: 5 },
];

type Patch = (s: any) => void;

const MAPPED_COLUMNS = {
  name: 'Channel',
  spend: 'Cost',
  meetings: 'Booked',
  showRate: 'Show %',
  qualRate: 'Qual %',
};
const CHANNEL_FIELDS = Object.keys(MAPPED_COLUMNS);

/** The raw tables of the Channel report, with or without their date columns. */
function rawData(period: unknown = null, dates = false): any {
  return {
    spend: [
      {
        sheet: 'Ad spend',
        columns: { channel: 'Source', spend: 'Amount spent', date: dates ? 'Day' : '' },
        fixedChannel: '',
      },
    ],
    meetings: {
      sheet: 'CRM',
      columns: { channel: 'Lead source', outcome: 'Outcome', date: dates ? 'Meeting date' : '' },
    },
    period,
  };
}

function mapped(patch: Patch = () => {}): any {
  const s = structuredClone(mappedSettings()) as any;
  patch(s);
  return s;
}

/** Default settings that ask for the Channel report. */
function report(patch: Patch = () => {}): any {
  const s = structuredClone(defaultSettings()) as any;
  s.templates = ['funnelPlan', 'channelReport'];
  s.raw = rawData();
  patch(s);
  return s;
}

function fields(input: unknown, sheets?: SheetInfo[]): string[] {
  return validateSettings(input, sheets).map((e) => e.field);
}

function parsed(input: unknown, sheets?: SheetInfo[]): Settings {
  const result = parseSettings(input, sheets);
  expect(result.ok ? [] : result.errors).toEqual([]);
  expect(result.ok).toBe(true);
  return (result as { value: Settings }).value;
}

describe('mapped channels', () => {
  it('are kept as the sheet and the trimmed header of each field', () => {
    const input = mapped((s) => {
      s.channels.columns.spend = ' Cost ';
      s.channels.columns.extra = 'Month';
      s.channels.rows = [];
    });
    for (const sheets of [SHEETS, undefined]) {
      expect(parsed(input, sheets).channels).toEqual({
        mode: 'mapped',
        sheet: 'My data',
        columns: MAPPED_COLUMNS,
      });
    }
  });

  it('sheet: named exactly as it is, at most 100 characters, never blank', () => {
    expect(LIMITS.sheetLength).toBe(100);
    const long = `${'s'.repeat(99)} `;
    expect(parsed(mapped((s) => (s.channels.sheet = long))).channels).toMatchObject({
      sheet: long,
    });
    for (const bad of [`${long}s`, '', '   ', undefined, null, 3, ['My data']]) {
      expect(fields(mapped((s) => (s.channels.sheet = bad)))).toEqual(['channels.sheet']);
      expect(
        fields(
          mapped((s) => (s.channels.sheet = bad)),
          SHEETS,
        ),
      ).toEqual(['channels.sheet']);
    }
    for (const other of ['My data ', ' My data', 'my data', 'Sheet1']) {
      expect(
        fields(
          mapped((s) => (s.channels.sheet = other)),
          SHEETS,
        ),
      ).toEqual(['channels.sheet']);
      // Without the spreadsheet there is no list of sheets to check against.
      expect(fields(mapped((s) => (s.channels.sheet = other)))).toEqual([]);
    }
  });

  it('headers are only looked up on a sheet that exists', () => {
    const input = mapped((s) => {
      s.channels.sheet = 'Sheet1';
      s.channels.columns.spend = 'Spend';
    });
    expect(fields(input, SHEETS)).toEqual(['channels.sheet']);
  });

  it('columns that are not an object are one problem, beside one about the sheet', () => {
    for (const v of [undefined, null, [], ['Channel'], 'Channel']) {
      for (const sheets of [SHEETS, undefined]) {
        expect(
          fields(
            mapped((s) => (s.channels.columns = v)),
            sheets,
          ),
        ).toEqual(['channels.columns']);
      }
      expect(
        fields(
          mapped((s) => {
            s.channels.columns = v;
            s.channels.sheet = '';
          }),
          SHEETS,
        ),
      ).toEqual(['channels.sheet', 'channels.columns']);
    }
  });

  it('every field needs a header of at most 200 characters', () => {
    expect(LIMITS.headerLength).toBe(200);
    for (const field of CHANNEL_FIELDS) {
      const path = `channels.columns.${field}`;
      const long = `${field}`.padEnd(200, 'h');
      const got = parsed(mapped((s) => (s.channels.columns[field] = `  ${long} `))).channels;
      expect(got.mode === 'mapped' && got.columns[field as 'name']).toBe(long);
      for (const bad of [`${long}h`, '', '  ', undefined, null, 4, ['Cost']]) {
        expect(fields(mapped((s) => (s.channels.columns[field] = bad)))).toEqual([path]);
        expect(
          fields(
            mapped((s) => (s.channels.columns[field] = bad)),
            SHEETS,
          ),
        ).toEqual([path]);
      }
      expect(fields(mapped((s) => delete s.channels.columns[field]))).toEqual([path]);
      // On the sheet the header must head a column.
      expect(
        fields(
          mapped((s) => (s.channels.columns[field] = 'Budget')),
          SHEETS,
        ),
      ).toEqual([path]);
    }
  });

  it('each column once, whatever the case and spaces of its header', () => {
    for (const [field, header] of [
      ['spend', 'channel'],
      ['meetings', ' Cost'],
      ['qualRate', 'SHOW %'],
      ['showRate', 'Channel'],
    ] as const) {
      const input = mapped((s) => (s.channels.columns[field] = header));
      expect(fields(input)).toEqual([`channels.columns.${field}`]);
      // One problem, even when the header is on no column either.
      expect(fields(input, SHEETS)).toEqual([`channels.columns.${field}`]);
    }
  });

  it('a header that heads no column offers the headers there are', () => {
    const sheets: SheetInfo[] = [
      { name: 'My data', headers: ['', 'Channel', '  ', 'Cost', 'Booked'], dataRows: 1 },
    ];
    const errors = validateSettings(mapped(), sheets);
    expect(errors.map((e) => e.field)).toEqual([
      'channels.columns.showRate',
      'channels.columns.qualRate',
    ]);
    expect(errors[0]!.message).toMatch(/: Channel, Cost, Booked\.$/);
    const empty: SheetInfo[] = [{ name: 'My data', headers: ['', ' '], dataRows: 0 }];
    const none = validateSettings(mapped(), empty);
    expect(none.map((e) => e.field)).toEqual(CHANNEL_FIELDS.map((f) => `channels.columns.${f}`));
    for (const e of none) expect(e.message).not.toMatch(/: *\.$/);
  });

  it('a header heading several columns is refused, one heading one column is taken', () => {
    const sheets: SheetInfo[] = [
      {
        name: 'My data',
        headers: ['Channel', 'Cost', 'Booked', 'Cost ', 'Show %', ' Cost', 'Qual %', 'Booked'],
        dataRows: 1,
      },
    ];
    const errors = validateSettings(mapped(), sheets);
    expect(errors.map((e) => e.field)).toEqual([
      'channels.columns.spend',
      'channels.columns.meetings',
    ]);
    expect(errors[0]!.message).toContain('B and D and F');
    expect(errors[0]!.message).toMatch(/\ball\b/);
    expect(errors[1]!.message).toContain('C and H');
    expect(errors[1]!.message).toMatch(/\bboth\b/);
  });
});

describe('raw data for the Channel report', () => {
  it('is not needed, and null, unless the Channel report is chosen', () => {
    const plain = structuredClone(defaultSettings()) as any;
    expect(parsed(plain).raw).toBeNull();
    delete plain.raw;
    expect(parsed(plain).raw).toBeNull();
    expect(parsed(plain, SHEETS).raw).toBeNull();
    for (const v of [undefined, null]) {
      expect(fields(report((s) => (s.raw = v)))).toEqual(['raw']);
      expect(
        fields(
          report((s) => (s.raw = v)),
          SHEETS,
        ),
      ).toEqual(['raw']);
    }
  });

  it('is checked and kept while the Channel report is chosen, left out unchecked otherwise', () => {
    const chosen = report((s) => (s.raw = rawData('month', true)));
    expect(parsed(chosen, SHEETS).raw).toEqual(rawData('month', true));
    chosen.raw.spend[0].sheet = 'Sheet1';
    expect(fields(chosen, SHEETS)).toEqual(['raw.spend.0.sheet']);
    // Not chosen: even a broken one holds nothing up, and is not kept.
    const plain = structuredClone(defaultSettings()) as any;
    plain.raw = chosen.raw;
    expect(parsed(plain, SHEETS).raw).toBeNull();
  });

  it('is refused when it is not an object, while the Channel report is chosen', () => {
    for (const v of [[], 'Ad spend', 5, true]) {
      expect(fields(report((s) => (s.raw = v)))).toEqual(['raw']);
      const plain = structuredClone(defaultSettings()) as any;
      plain.raw = v;
      expect(fields(plain)).toEqual([]);
    }
  });

  it('when missing, asks for it for the templates chosen that read it, by name', () => {
    const asked = (templates: string[]) =>
      validateSettings(report((s) => Object.assign(s, { templates, raw: null }))).find(
        (e) => e.field === 'raw',
      )?.message;
    expect(asked(['channelReport'])).toMatch(/for the Channel report \(/);
    expect(asked(['fullFunnel'])).toMatch(/for the Full funnel \(/);
    expect(asked(['channelReport', 'fullFunnel'])).toMatch(
      /for the Channel report and the Full funnel \(/,
    );
  });

  it('without a period the date columns may be left out, and come out blank', () => {
    const want = rawData();
    expect(parsed(report(), SHEETS).raw).toEqual(want);
    expect(parsed(report()).raw).toEqual(want);
    const missing = report((s) => {
      delete s.raw.spend[0].columns.date;
      s.raw.meetings.columns.date = null;
    });
    expect(parsed(missing, SHEETS).raw).toEqual(want);
    expect(parsed(report(), SHEETS).templates).toEqual(['funnelPlan', 'channelReport']);
  });

  it('without a period a date column that is given is still checked', () => {
    expect(
      parsed(
        report((s) => (s.raw = rawData(null, true))),
        SHEETS,
      ).raw,
    ).toEqual(rawData(null, true));
    expect(
      fields(
        report((s) => (s.raw.spend[0].columns.date = 'Date')),
        SHEETS,
      ),
    ).toEqual(['raw.spend.0.columns.date']);
    expect(fields(report((s) => (s.raw.meetings.columns.date = 7)))).toEqual([
      'raw.meetings.columns.date',
    ]);
  });

  it('each period needs both date columns, and is kept', () => {
    for (const period of ['week', 'month', 'quarter', 'year']) {
      expect(
        parsed(
          report((s) => (s.raw = rawData(period, true))),
          SHEETS,
        ).raw,
      ).toEqual(rawData(period, true));
      expect(parsed(report((s) => (s.raw = rawData(period, true)))).raw!.period).toBe(period);
      expect(fields(report((s) => (s.raw = rawData(period, false))))).toEqual([
        'raw.spend.0.columns.date',
        'raw.meetings.columns.date',
      ]);
      const missing = report((s) => {
        s.raw = rawData(period, true);
        delete s.raw.meetings.columns.date;
      });
      expect(fields(missing, SHEETS)).toEqual(['raw.meetings.columns.date']);
    }
  });

  it('an unknown period is one problem, and asks for no date column', () => {
    for (const period of ['', 'none', 'daily', 'None', 'Week', 1]) {
      for (const dates of [false, true]) {
        const s = report((r) => {
          r.raw = rawData(null, dates);
          r.raw.period = period;
        });
        expect(fields(s, SHEETS)).toEqual(['raw.period']);
      }
    }
  });

  it('no period is the absence of one: null or left out', () => {
    expect(parsed(report((s) => delete s.raw.period)).raw!.period).toBeNull();
    expect(parsed(report((s) => (s.raw.period = undefined))).raw!.period).toBeNull();
  });

  it('reports each table, its sheet and each column on its own path', () => {
    const cases: [Patch, string][] = [
      [(s) => (s.raw.spend = null), 'raw.spend'],
      [(s) => (s.raw.spend = []), 'raw.spend'],
      [(s) => (s.raw.spend = [null]), 'raw.spend.0'],
      [(s) => (s.raw.meetings = []), 'raw.meetings'],
      [(s) => delete s.raw.spend[0].columns, 'raw.spend.0.columns'],
      [(s) => (s.raw.meetings.columns = 'Outcome'), 'raw.meetings.columns'],
      [(s) => (s.raw.spend[0].sheet = ''), 'raw.spend.0.sheet'],
      [(s) => (s.raw.meetings.sheet = 'Meetings'), 'raw.meetings.sheet'],
      [(s) => delete s.raw.spend[0].columns.channel, 'raw.spend.0.columns.channel'],
      [(s) => (s.raw.spend[0].columns.spend = ''), 'raw.spend.0.columns.spend'],
      [(s) => (s.raw.spend[0].columns.spend = 'Cost'), 'raw.spend.0.columns.spend'],
      [(s) => (s.raw.spend[0].columns.spend = 'source'), 'raw.spend.0.columns.spend'],
      [(s) => (s.raw.meetings.columns.channel = null), 'raw.meetings.columns.channel'],
      [(s) => (s.raw.meetings.columns.outcome = ' '), 'raw.meetings.columns.outcome'],
      [(s) => (s.raw.meetings.columns.outcome = 'Result'), 'raw.meetings.columns.outcome'],
    ];
    for (const [patch, path] of cases) expect(fields(report(patch), SHEETS)).toEqual([path]);
    // Headers are looked up on the sheet named for their table.
    expect(
      fields(
        report((s) => (s.raw.spend[0].sheet = 'CRM')),
        SHEETS,
      ),
    ).toEqual(['raw.spend.0.columns.channel', 'raw.spend.0.columns.spend']);
  });

  it('the two tables may use the same headers, each once', () => {
    const same = report((s) => {
      s.raw.spend[0].columns = { channel: 'Channel', spend: 'Cost', date: '' };
      s.raw.meetings.columns = { channel: 'Channel', outcome: 'Cost', date: '' };
    });
    expect(parsed(same).raw!.meetings.columns).toEqual({
      channel: 'Channel',
      outcome: 'Cost',
      date: '',
    });
  });
});

describe('an existing meeting log', () => {
  const log = { sheet: 'CRM', columns: { channel: 'Lead source', outcome: ' Outcome' } };

  it('is null unless given', () => {
    const s = structuredClone(defaultSettings()) as any;
    delete s.meetingLog;
    expect(parsed(s).meetingLog).toBeNull();
    expect(parsed({ ...s, meetingLog: null }).meetingLog).toBeNull();
  });

  it('may leave out its date column, whatever the raw data period', () => {
    const s = report((r) => {
      r.templates.push('meetingOutcomes');
      r.raw = rawData('week', true);
      r.meetingLog = log;
    });
    expect(parsed(s, SHEETS).meetingLog).toEqual({
      sheet: 'CRM',
      columns: { channel: 'Lead source', outcome: 'Outcome', date: '' },
    });
    s.meetingLog = { ...log, columns: { ...log.columns, date: 'Meeting date' } };
    expect(parsed(s, SHEETS).meetingLog!.columns.date).toBe('Meeting date');
  });

  it('reports each of its problems on its own path', () => {
    const cases: [unknown, string][] = [
      [[], 'meetingLog'],
      ['CRM', 'meetingLog'],
      [{ ...log, sheet: 'Log' }, 'meetingLog.sheet'],
      [{ sheet: 'CRM' }, 'meetingLog.columns'],
      [{ ...log, columns: { channel: 'Lead source' } }, 'meetingLog.columns.outcome'],
      [{ ...log, columns: { ...log.columns, date: 'Date' } }, 'meetingLog.columns.date'],
      [
        { ...log, columns: { channel: 'Outcome', outcome: 'outcome ' } },
        'meetingLog.columns.outcome',
      ],
    ];
    for (const [meetingLog, path] of cases) {
      const s = structuredClone(defaultSettings()) as any;
      s.meetingLog = meetingLog;
      expect(fields(s, SHEETS)).toEqual([path]);
    }
  });
});
