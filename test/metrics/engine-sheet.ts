/**
 * One HyperFormula sheet with Funnel Math's functions registered, made before
 * a file's tests and destroyed after them: where a test runs a function as a
 * sheet cell runs it.
 */
import { HyperFormula } from 'hyperformula';
import { afterAll, beforeAll } from 'vitest';
import { registerFunnelMath } from '../../src/workbook/engine-functions';

export interface EngineSheet {
  hf: HyperFormula;
  sheet: number;
}

/** Call at the top of a test file; the fields are set once its tests start. */
export function useEngineSheet(): EngineSheet {
  const engine = {} as EngineSheet;
  beforeAll(() => {
    registerFunnelMath();
    engine.hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', useArrayArithmetic: true });
    engine.sheet = engine.hf.getSheetId(engine.hf.addSheet('S'))!;
  });
  afterAll(() => engine.hf.destroy());
  return engine;
}
