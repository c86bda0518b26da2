/** What a call throws, for tests that look at the error itself. */
import { Problem } from '../../src/sheets/problem';

export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('nothing was thrown');
}

/** The Problem `f` throws; anything else it throws is rethrown. */
export function problem(f: () => unknown): Problem {
  const e = thrown(f);
  if (e instanceof Problem) return e;
  throw e;
}
