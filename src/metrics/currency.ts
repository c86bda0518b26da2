/**
 * Money in one currency (docs/ARGUMENT-RULES.md, rule 4): a report never adds
 * amounts whose text names two different currencies, nor sets revenue in one
 * against spend in another; it refuses them, naming a line of each. Amounts
 * that name no currency (plain numbers) go with any one currency.
 */
import { currencyOf } from '../sheets/number-text';
import { CallError } from '../sheets/problem';

/** Why two currencies are refused where amounts are added, and what to do. */
export const NEVER_ADDED =
  'amounts in different currencies are never added, so pass them in one currency';

/** Why revenue and spend in two currencies are refused, and what to do. */
export const NEVER_COMPARED =
  'ROAS, CAC and pipeline per spend set deal amounts against spend, so pass both in one currency';

/**
 * The words naming a line in each currency: what, where each is, then why.
 * The places and codes are text here and SQL in the warehouse's messages.
 */
export function twoCurrenciesWords<T>(
  what: string,
  first: T,
  firstCode: T,
  second: T,
  secondCode: T,
  why: string,
): (string | T)[] {
  return [
    `${what} in two currencies: `,
    first,
    ' is in ',
    firstCode,
    ' and ',
    second,
    ' in ',
    secondCode,
    `; ${why}`,
  ];
}

function twoCurrencies(what: string, first: Named, second: Named, why: string): CallError {
  return new CallError(
    twoCurrenciesWords(what, first.where, first.code, second.where, second.code, why).join(''),
  );
}

/** A line that named a currency, told by where it is. */
export interface Named {
  code: string;
  where: string;
}

/**
 * The currency of the amounts read so far: the first line naming one, kept
 * so that a line naming another is refused with the line of each.
 */
export class OneCurrency {
  first: Named | undefined;

  /**
   * `what` starts the message ("spend is"); `where` names line `k`
   * ("row 3 of the spend range"); `why` ends it.
   */
  constructor(
    private readonly what: string,
    private readonly where: (k: number) => string,
    private readonly why = NEVER_ADDED,
  ) {}

  /** Notes the currency line `k`'s amount names, refusing a second one. */
  note(amount: unknown, k: number): void {
    // Numbers name no currency; most spend columns hold nothing else.
    if (typeof amount !== 'string') return;
    const code = currencyOf(amount);
    if (code === undefined) return;
    if (this.first === undefined) this.first = { code, where: this.where(k) };
    else if (code !== this.first.code) {
      throw twoCurrencies(this.what, this.first, { code, where: this.where(k) }, this.why);
    }
  }
}

/** Refuses amounts and spend that each name one currency, a different one. */
export function refuseTwo(
  what: string,
  a: Named | undefined,
  b: Named | undefined,
  why: string,
): void {
  if (a && b && a.code !== b.code) {
    throw twoCurrencies(what, a, b, why);
  }
}
