import type { RunnerTestCase, RunnerTestFile } from 'vitest';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type Reporter, type TestSpecification, type Vitest } from 'vitest/node';

/**
 * The tests that mutation testing (stryker.config.json) runs against mutated sources.
 *
 * Left out:
 * - test/browser/**: they drive Chromium, or read the source files' text, which Stryker rewrites;
 * - test/bundle/** and test/unit/bundle-size.test.ts: they read dist/Code.js, built from the
 *   unmutated sources, so they cannot kill a mutant (and would need `npm run build` first);
 * - test/warehouse/**: they run DuckDB over the generated SQL (about half the time of a whole run
 *   here), and test src/warehouse, which is not mutated; the sheet functions they compare with
 *   have their own tests, which are the ones that must catch a wrong number;
 * - test/templates/templates.test.ts, unless MUTATE_TEMPLATES_TEST=1: it builds its workbooks
 *   while vitest collects the file (~27 s on 2 cores), and every run that touches the file pays
 *   that again, so each mutant it covers costs ~30 s; with it the run takes many hours.
 */

const withTemplatesTest = process.env.MUTATE_TEMPLATES_TEST === '1';

/**
 * MUTATE_TESTS=unit runs only test/sheets and test/metrics: the tests of the rules and the
 * functions themselves, for a run over src/sheets and src/metrics. More than half of those
 * mutants sit in code run when a module loads, and Stryker runs every test against each of them,
 * so the template tests (most of a whole run's time) would multiply that run's length; a mutant
 * in a rule or a function should be caught by that rule's or function's own tests.
 */
const unitOnly = process.env.MUTATE_TESTS === 'unit';

/** The slowest files, run last, in this order. */
const SLOW_LAST = [
  'test/metrics/catalogue-properties.test.ts',
  'test/metrics/native-engine.test.ts',
  'test/templates/writing.test.ts',
  'test/templates/template-channel-report.test.ts',
  'test/templates/templates.test.ts',
];

/**
 * Fast files first: a mutant that Stryker runs against every test (a static mutant) stops at
 * its first failing test (Stryker sets bail 1), so one that a quick file kills costs little.
 */
class FastFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => SLOW_LAST.findIndex((s) => f.moduleId.endsWith(s));
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * A test file that fails to load (a mutant that throws while a module is imported, as one in
 * the catalogue's specs does) collects no test, and @stryker-mutator/vitest-runner 9.x builds a
 * mutant's result from the collected tests only, so it would call that mutant Survived. This
 * gives each such file one failed test carrying the load error, so the mutant counts as killed.
 */
class LoadFailureAsFailedTest implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(): void {
    for (const file of this.vitest?.state.getFiles() ?? []) {
      if (file.result?.state !== 'fail' || file.tasks.length > 0) continue;
      file.tasks.push(failedLoad(file));
    }
  }
}

function failedLoad(file: RunnerTestFile): RunnerTestCase {
  // Only the fields a reader of the finished run looks at; vitest never runs this task.
  return {
    type: 'test',
    id: `${file.id}_load`,
    name: 'the test file loads',
    mode: 'run',
    file,
    suite: file,
    meta: {},
    annotations: [],
    artifacts: [],
    result: { state: 'fail', errors: file.result?.errors ?? [], duration: 0 },
  } as unknown as RunnerTestCase;
}

export default defineConfig({
  test: {
    include: unitOnly
      ? ['test/sheets/**/*.test.ts', 'test/metrics/**/*.test.ts']
      : ['test/**/*.test.ts'],
    exclude: [
      'test/browser/**',
      'test/bundle/**',
      'test/unit/bundle-size.test.ts',
      'test/warehouse/**',
      ...(withTemplatesTest ? [] : ['test/templates/templates.test.ts']),
    ],
    setupFiles: ['test/mutate-setup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
    sequence: { sequencer: FastFirst },
    reporters: ['default', new LoadFailureAsFailedTest()],
  },
});
