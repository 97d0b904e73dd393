/**
 * Inputs too large to commit, generated into the temp project at test time.
 * Each returns the file's source text.
 */

const header = `import { Kafka } from 'kafkajs';
import { Pool } from 'pg';

const pool = new Pool();
const producer = new Kafka({ brokers: [] }).producer();
`;

/** At least `minLines` lines: functions that write, publish, and call the previous one (a long wrapper chain). */
export function bigFile(minLines: number): string {
  const parts = [header];
  let lines = header.split('\n').length;
  for (let i = 0; lines < minLines; i++) {
    const previous = i === 0 ? '' : `    await f${String(i - 1)}(id.slice(1));\n`;
    const fn = `export async function f${String(i)}(id: string): Promise<void> {
  await pool.query('INSERT INTO t${String(i)} (id) VALUES ($1)', [id]);
  if (id.length > ${String(i % 7)}) {
    await producer.send({ topic: 't${String(i)}', messages: [{ value: id }] });
  } else {
${previous}    await pool.query('UPDATE t${String(i)} SET n = n + 1');
  }
  // line ${String(i)}
}

`;
    parts.push(fn);
    lines += fn.split('\n').length - 1;
  }
  return parts.join('');
}

/** SQL strings of `size` characters passed to `pool.query`, in the shapes the resolver reads. */
export function hugeSql(size: number): string {
  const values = `INSERT INTO orders VALUES ${'(1),'.repeat(Math.ceil(size / 4))}(1)`;
  // Quotes, comment openers and keywords inside one string literal: worst case for the tokenizer.
  const hostile = `SELECT '${"'' /* -- \" [ ` UPDATE ".repeat(Math.ceil(size / 24))}' FROM t; DELETE FROM orders`;
  const chunks = Array.from({ length: 100 }, (_, i) => `(${String(i)}, ${'x'.repeat(Math.ceil(size / 100))})`);
  // Not `outbox`: an outbox write on the path would (rightly) silence the dual-write report.
  const template = `INSERT INTO orders_archive VALUES ${chunks.join(', ${id}, ')}`;
  // typescript-eslint's parser itself overflows the stack near 2,000 nested `+`: stay clear of it.
  const concatenation = Array.from({ length: 500 }, (_, i) => JSON.stringify(`(${String(i)}),`)).join(' + ');
  return `${header}
const values = ${JSON.stringify(values)};

export async function huge(id: string): Promise<void> {
  await pool.query(${JSON.stringify(values)});
  await pool.query(values);
  await pool.query({ text: values });
  await pool.query(${JSON.stringify(hostile)});
  await pool.query(\`${template}\`);
  await pool.query('INSERT INTO orders VALUES ' + ${concatenation} + '(0)');
  await producer.send({ topic: 'orders', messages: [{ value: ${JSON.stringify('v'.repeat(size))} }] });
}
`;
}

/** `depth` levels of nested callbacks, async callbacks, and nested control flow. */
export function deepNesting(depth: number): string {
  const open = (text: string): string => text.repeat(depth);
  return `${header}
function step(cb: () => void): void {
  cb();
}
async function run<T>(cb: () => Promise<T>): Promise<T> {
  return cb();
}

export async function deepCallbacks(): Promise<void> {
  await pool.query('INSERT INTO deep VALUES (1)');
  ${open('step(() => {\n')}
  void producer.send({ topic: 'deep', messages: [] });
  ${open('});\n')}
}

export async function deepAsync(): Promise<void> {
  ${open('await run(async () => {\n')}
  await pool.query('INSERT INTO deeper VALUES (1)');
  await producer.send({ topic: 'deeper', messages: [] });
  ${open('});\n')}
}

export async function deepControl(n: number): Promise<void> {
  await pool.query('UPDATE deep SET n = $1', [n]);
  ${open('if (n > 0) { try {\n')}
  await producer.send({ topic: 'control', messages: [] });
  ${open('} finally { n--; } }\n')}
}

export const deepData = ${open('{ a: [')}1${open('] }')};
export const deepTernary = (n: number): number => ${open('n > 0 ? n - 1 : ')}0;
`;
}

/** A `length`-call fluent chain and a `length`-deep `.then` chain. */
export function longChains(length: number): string {
  const wheres = Array.from({ length }, (_, i) => `.where('c${String(i % 10)}', ${String(i)})`).join('\n    ');
  const thens = Array.from({ length: Math.ceil(length / 2) }, (_, i) => `.then(() => ${String(i)})`).join('');
  return `import knexFactory, { type Knex } from 'knex';
import { Kafka } from 'kafkajs';

const db: Knex = knexFactory({ client: 'pg' });
const producer = new Kafka({ brokers: [] }).producer();

export async function chained(): Promise<void> {
  await db('orders')
    ${wheres}
    .update({ status: 'done' });
  await producer.send({ topic: 'chained', messages: [] });
  await db.transaction(async (trx) => {
    await db('orders')${wheres.replaceAll('\n    ', '')}.del();
    void trx;
  });
  await Promise.resolve()${thens}.then(() => producer.send({ topic: 'thens', messages: [] }));
}
`;
}

/**
 * A write, then a call to a wrapper three hops from a publish, in a file with a ten-deep wrapper
 * chain (`w0 → … → w9`, w9 publishes). The same code with `placeOrder` before or after the chain.
 */
export function wrapperOrder(placeOrderFirst: boolean): { source: string; callLine: number } {
  const n = 10;
  const wrappers = Array.from({ length: n }, (_, i) =>
    i === n - 1
      ? `async function w${String(i)}(): Promise<void> {\n  await producer.send({ topic: 'orders', messages: [] });\n}\n`
      : `async function w${String(i)}(): Promise<void> {\n  await w${String(i + 1)}();\n}\n`,
  ).join('');
  const placeOrder = `export async function placeOrder(): Promise<void> {\n  await pool.query('INSERT INTO orders VALUES (1)');\n  await w${String(n - 3)}(); // the call\n}\n`;
  const source = placeOrderFirst ? `${header}\n${placeOrder}\n${wrappers}` : `${header}\n${wrappers}\n${placeOrder}`;
  return { source, callLine: source.split('\n').findIndex((line) => line.includes('// the call')) + 1 };
}
