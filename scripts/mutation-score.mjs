/**
 * Mutation scores per group and per file from Stryker's JSON report
 * (mutation-testing-report-schema), and the list of surviving mutants.
 *
 *   node scripts/mutation-score.mjs [report] [survivors]
 *
 * report defaults to reports/mutation/mutation.json, survivors to survivors.txt.
 * Score = (killed + timeout) / (killed + timeout + survived + no coverage): a timeout
 * counts as killed and is also shown on its own. Compile and runtime errors and ignored
 * mutants are left out of the score and counted apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [reportPath = 'reports/mutation/mutation.json', survivorsPath = 'survivors.txt'] =
  process.argv.slice(2);

const GROUPS = [
  { name: '(a) src/sheets/', test: (f) => f.startsWith('src/sheets/') },
  { name: '(b) src/metrics/', test: (f) => f.startsWith('src/metrics/') },
  {
    name: '(c) src/addon/validate.ts + src/addon/templates/',
    test: (f) => f === 'src/addon/validate.ts' || f.startsWith('src/addon/templates/'),
  },
];

const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const root = report.projectRoot ? `${report.projectRoot.replace(/\\/g, '/')}/` : '';
const rel = (f) => {
  const p = f.replace(/\\/g, '/');
  return root && p.startsWith(root) ? p.slice(root.length) : p;
};

function emptyCounts() {
  return {
    Killed: 0,
    Timeout: 0,
    Survived: 0,
    NoCoverage: 0,
    CompileError: 0,
    RuntimeError: 0,
    Ignored: 0,
    Pending: 0,
  };
}

function add(into, from) {
  for (const k of Object.keys(into)) into[k] += from[k];
}

function score(c) {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return valid === 0 ? null : (100 * detected) / valid;
}

/** The text between two 1-based positions of the source. */
function slice(lines, { start, end }) {
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  const parts = [lines[start.line - 1].slice(start.column - 1)];
  for (let l = start.line; l < end.line - 1; l++) parts.push(lines[l]);
  parts.push(lines[end.line - 1].slice(0, end.column - 1));
  return parts.join('\n');
}

/** One line, at most `max` characters. */
function oneLine(text, max = 100) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const files = Object.entries(report.files)
  .map(([name, file]) => {
    const path = rel(name);
    const lines = file.source.split(/\r?\n/);
    const counts = emptyCounts();
    const missed = [];
    for (const m of file.mutants) {
      counts[m.status] = (counts[m.status] ?? 0) + 1;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        missed.push({
          line: m.location.start.line,
          column: m.location.start.column,
          text: `${path}:${m.location.start.line} ${m.mutatorName} ${oneLine(slice(lines, m.location))} → ${oneLine(m.replacement ?? '')}${m.status === 'NoCoverage' ? '  [no coverage]' : ''}`,
        });
      }
    }
    missed.sort((a, b) => a.line - b.line || a.column - b.column);
    return { path, counts, missed };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

const pct = (s) => (s === null ? '  n/a' : `${s.toFixed(2).padStart(6)}%`);
const header = `${'score'.padStart(7)}  ${['killed', 'timeout', 'survived', 'no cov', 'errors', 'ignored', 'total'].map((h) => h.padStart(9)).join('')}`;
const row = (label, c) => {
  const total = Object.values(c).reduce((t, n) => t + n, 0);
  const cells = [
    c.Killed,
    c.Timeout,
    c.Survived,
    c.NoCoverage,
    c.CompileError + c.RuntimeError,
    c.Ignored,
    total,
  ];
  return `${pct(score(c))}  ${cells.map((n) => String(n).padStart(9)).join('')}  ${label}`;
};

const out = [];
const all = emptyCounts();
const other = files.filter((f) => !GROUPS.some((g) => g.test(f.path)));
out.push('Per group', header);
for (const g of GROUPS) {
  const c = emptyCounts();
  for (const f of files.filter((f) => g.test(f.path))) add(c, f.counts);
  out.push(row(g.name, c));
}
for (const f of files) add(all, f.counts);
if (other.length > 0) {
  const c = emptyCounts();
  for (const f of other) add(c, f.counts);
  out.push(row('(other files)', c));
}
out.push(row('all', all), '', 'Per file', header);
for (const f of files) out.push(row(f.path, f.counts));
console.log(out.join('\n'));

const survivors = [
  `Survived and no-coverage mutants, ${reportPath}`,
  'file:line mutator original → replacement',
];
for (const f of files.filter((f) => f.missed.length > 0)) {
  survivors.push(
    '',
    `## ${f.path} (${f.counts.Survived} survived, ${f.counts.NoCoverage} no coverage)`,
    ...f.missed.map((m) => m.text),
  );
}
writeFileSync(survivorsPath, `${survivors.join('\n')}\n`);
console.log(
  `\n${all.Survived + all.NoCoverage} survived or no-coverage mutants listed in ${survivorsPath}`,
);
