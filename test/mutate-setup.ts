/**
 * Set-up for mutation runs only (vitest.mutate.config.ts): property tests draw the same cases in
 * every run, so whether a mutant is killed does not depend on the draw, and an incremental rerun
 * gives the same verdict as the run before it.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20_261_124 });
