/**
 * The generated BigQuery file inside ZetaSQL: analyzed one statement at a
 * time under BigQuery-like options, each function and view entered in the
 * catalogue as soon as its statement resolves, so the statements after it
 * can call it (docs/WAREHOUSE.md, "How the BigQuery file is checked").
 */
import type { Message, ZetaSql } from './service';
import { reason } from './values';

/** The statement kinds the file holds; ZetaSQL refuses any kind not listed. */
const STATEMENT_KINDS = [
  'RESOLVED_QUERY_STMT',
  'RESOLVED_CREATE_FUNCTION_STMT',
  'RESOLVED_CREATE_TABLE_FUNCTION_STMT',
  'RESOLVED_CREATE_VIEW_STMT',
];

/**
 * BigQuery is ZetaSQL's external product mode (no INT32, UINT64, proto types) with the newest
 * language features; user functions are inlined so the reference evaluator can run them.
 */
export async function bigQueryOptions(z: ZetaSql): Promise<Message> {
  const newest = await z.call('getLanguageOptions', { maximumFeatures: true });
  const languageOptions = {
    ...newest,
    productMode: 'PRODUCT_EXTERNAL',
    supportedStatementKinds: STATEMENT_KINDS,
  };
  return {
    languageOptions,
    enabledRewrites: ['REWRITE_INLINE_SQL_FUNCTIONS', 'REWRITE_INLINE_SQL_TVFS'],
    errorMessageMode: 'ERROR_MESSAGE_ONE_LINE',
  };
}

export interface Statement {
  /** What it creates: funnel_math.cpqm, funnel_math.funnel_spend, … */
  name: string;
  kind: 'function' | 'view' | 'table function';
}

export interface AnalyzedFile {
  statements: Statement[];
  /** The root catalogue with every function and view the file creates, for queries to run against. */
  catalog: Message;
  /** The first statement that did not resolve, with ZetaSQL's reason. */
  failure?: { statement: number; text: string; reason: string };
}

const fixed = (type: Message) => ({ kind: 'ARG_TYPE_FIXED', type, numOccurrences: 1 });

/**
 * A resolved CREATE FUNCTION as a catalogue function ZetaSQL can call and evaluate: its body
 * re-resolved at each call (a templated SQL function), its name one backticked path as the file
 * spells it, every argument with one occurrence.
 */
function catalogueFunction(created: Message): Message {
  return {
    namePath: created.parent.namePath,
    group: 'Templated_SQL_Function',
    mode: 'SCALAR',
    signature: [
      {
        argument: created.signature.argument.map((a: Message) => fixed(a.type)),
        returnType: fixed(created.returnType),
      },
    ],
    parseResumeLocation: { input: created.code },
    templatedSqlFunctionArgumentName: created.argumentNameList,
  };
}

export async function analyzeFile(
  z: ZetaSql,
  options: Message,
  file: string,
): Promise<AnalyzedFile> {
  const catalog: Message = {
    name: '',
    builtinFunctionOptions: { languageOptions: options.languageOptions },
    customFunction: [],
    table: [],
  };
  const statements: Statement[] = [];
  const bytes = Buffer.from(file);
  let position = 0;
  while (bytes.subarray(position).toString().replace(/--.*$/gm, '').trim() !== '') {
    let response: Message;
    try {
      response = await z.analyze({
        options,
        simpleCatalog: catalog,
        parseResumeLocation: { input: file, bytePosition: position },
      });
    } catch (e) {
      const text = bytes.subarray(position).toString().trim().split('\n\n')[0]!;
      return {
        statements,
        catalog,
        failure: { statement: statements.length + 1, text, reason: reason(e) },
      };
    }
    const resolved = response.resolvedStatement;
    const create = resolved.resolvedCreateStatementNode;
    const node = create?.[create.node];
    if (create?.node === 'resolvedCreateFunctionStmtNode') {
      catalog.customFunction.push(catalogueFunction(node));
      statements.push({ name: node.parent.namePath.join('.'), kind: 'function' });
    } else if (create?.node === 'resolvedCreateViewBaseNode') {
      const view = node.resolvedCreateViewStmtNode.parent;
      const name = view.parent.namePath.join('.');
      catalog.table.push({
        name,
        column: view.outputColumnList.map((c: Message) => ({ name: c.name, type: c.column.type })),
      });
      statements.push({ name, kind: 'view' });
    } else if (create?.node === 'resolvedCreateTableFunctionStmtNode') {
      statements.push({ name: node.parent.namePath.join('.'), kind: 'table function' });
    } else {
      throw new Error(`the BigQuery file holds a statement it should not: ${resolved.node}`);
    }
    position = response.resumeBytePosition;
  }
  return { statements, catalog };
}

/** A catalogue entry as a reader can find it: its list, its place there, its name. */
function describeEntry(list: string, index: number, entry: Message): string {
  const name = entry.namePath ?? (entry.name === undefined ? [] : [entry.name]);
  const body: string | undefined = entry.parseResumeLocation?.input;
  const start = body === undefined ? '' : `, body "${body.slice(0, 40)}…"`;
  return `${list} ${index + 1} (name ${JSON.stringify(name)}${start})`;
}

/**
 * Sends `catalog` with a trivial query. A malformed entry makes the server abort instead of
 * answering (a failed check inside it, not an error reply): then the server is restarted and each
 * entry tried alone, restarting after each abort, to name the entries at fault.
 */
export async function abortingEntries(
  z: ZetaSql,
  options: Message,
  catalog: Message,
): Promise<string[]> {
  const aborts = async (tried: Message): Promise<boolean> => {
    try {
      await z.analyze({ options, simpleCatalog: tried, sqlStatement: 'SELECT 1 AS one' });
      return false;
    } catch {
      if (!(await z.exited(2000))) return false;
      await z.restart();
      return true;
    }
  };
  if (!(await aborts(catalog))) return [];
  const empty = { name: '', builtinFunctionOptions: catalog.builtinFunctionOptions };
  const found: string[] = [];
  for (const list of ['customFunction', 'customTvf', 'table', 'catalog'] as const) {
    const entries: Message[] = catalog[list] ?? [];
    for (const [index, entry] of entries.entries()) {
      if (await aborts({ ...empty, [list]: [entry] }))
        found.push(describeEntry(list, index, entry));
    }
  }
  return found;
}
