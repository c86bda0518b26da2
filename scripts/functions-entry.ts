// What the custom functions alone need, bundled to measure their share of Code.js.
export { FUNCTIONS } from '../src/metrics/catalogue';
