/**
 * Max CPQM, headroom and the verdict beside each row of the report
 * (npm run report --deal --close --roas): the deal's economics read by the
 * sheet's argument rules (docs/ARGUMENT-RULES.md), the figures by the sheet's
 * own MAX_CPQM and HEADROOM, the verdict by the one rule (metrics/verdict.ts).
 */
import { FUNCTIONS } from '../metrics/catalogue';
import { MAX_CPQM } from '../metrics/cost';
import { type Verdict, verdictOf } from '../metrics/verdict';
import { COERCE, type Kind } from '../sheets/coerce';
import { ReportError } from './csv-options';
import type { ReportRow } from './csv-report';

/** The deal's economics as typed on the command line: --deal, --close and --roas. */
export interface Economics {
  deal: string;
  close: string;
  roas: string;
}

/** The columns added after the report's own. */
export const ECONOMICS_COLUMNS = ['max_cpqm', 'headroom', 'verdict'] as const;

/** Those that hold fractional numbers; the verdict is text. */
export const ECONOMICS_NUMBERS: ReadonlySet<(typeof ECONOMICS_COLUMNS)[number]> = new Set([
  'max_cpqm',
  'headroom',
] as const);

export type RowWithVerdict = ReportRow & {
  max_cpqm: number;
  headroom: number | null;
  verdict: Verdict | '';
};

/** A problem of a sheet function without its error code: what the terminal shows. */
const plain = (e: unknown) => (e as Error).message.replace(/ \(#[A-Z/0!]+\)$/, '');

/**
 * Max CPQM from the three flags, each read as MAX_CPQM reads its argument (a rate as 0.25 or
 * 25%, money as 65000 or $65,000); a value the sheet refuses is refused naming its flag.
 */
export function maxCpqmOf(economics: Economics): number {
  const values = MAX_CPQM.params.map((p) => {
    const flag = `--${p.name}`;
    const text = economics[p.name as keyof Economics];
    try {
      return COERCE[p.kind as Kind](flag, text.trim());
    } catch (e) {
      throw new ReportError(plain(e));
    }
  });
  try {
    return FUNCTIONS.MAX_CPQM!(...values) as number;
  } catch (e) {
    throw new ReportError(plain(e).replace(/^MAX_CPQM: (\w+)/, '--$1'));
  }
}

/** Each row with its Max CPQM, headroom (NULL where the sheet shows an error) and verdict. */
export function withVerdicts(rows: readonly ReportRow[], maxCpqm: number): RowWithVerdict[] {
  return rows.map((r) => {
    let headroom: number | null = null;
    if (typeof r.cpqm === 'number') {
      try {
        headroom = FUNCTIONS.HEADROOM!(r.cpqm, maxCpqm) as number;
      } catch {
        // Max CPQM 0: nothing is affordable and the sheet's cell shows #DIV/0!.
      }
    }
    const spend = r.spend as number | null;
    const qualified = r.qualified as number | null;
    return {
      ...r,
      max_cpqm: maxCpqm,
      headroom,
      verdict: verdictOf(spend, headroom, qualified, Number(r.unrecognised) > 0),
    };
  });
}
