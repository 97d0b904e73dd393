import { describe, expect, it } from 'vitest';
import { classifySql, sqlPlaceholder, type SqlKind } from '../../src/semantics/sql.js';

interface Case {
  readonly sql: string;
  readonly kind: SqlKind;
  readonly written?: readonly string[];
  readonly read?: readonly string[];
}

function expectClassification({ sql, kind, written, read }: Case): void {
  const result = classifySql(sql);
  expect(result.kind).toBe(kind);
  if (written !== undefined) expect(result.writtenTables).toEqual(written);
  if (read !== undefined) expect(result.readTables).toEqual(read);
}

describe('classifySql: writes', () => {
  it.each<Case>([
    { sql: 'INSERT INTO orders (id) VALUES ($1)', kind: 'write', written: ['orders'] },
    { sql: 'insert into orders(id) values (1)', kind: 'write', written: ['orders'] },
    { sql: 'INSERT INTO public.orders VALUES (1)', kind: 'write', written: ['orders'] },
    { sql: 'INSERT INTO db.sales.orders VALUES (1)', kind: 'write', written: ['orders'] },
    { sql: 'INSERT INTO "public"."Order Items" (id) VALUES (1)', kind: 'write', written: ['order items'] },
    { sql: 'insert into "Sales".orders values (1)', kind: 'write', written: ['orders'] },
    { sql: 'insert into sales."Orders" values (1)', kind: 'write', written: ['orders'] },
    { sql: 'INSERT INTO `shop`.`orders` VALUES (1)', kind: 'write', written: ['orders'] },
    { sql: 'INSERT INTO [dbo].[Orders] VALUES (1)', kind: 'write', written: ['orders'] },
    { sql: 'INSERT IGNORE INTO orders VALUES (1)', kind: 'write', written: ['orders'] },
    { sql: 'INSERT INTO orders DEFAULT VALUES RETURNING id', kind: 'write', written: ['orders'] },
    { sql: 'INSERT INTO orders SELECT * FROM staged_orders', kind: 'write', written: ['orders'], read: ['staged_orders'] },
    { sql: 'UPDATE orders SET status = $1 WHERE id = $2', kind: 'write', written: ['orders'] },
    { sql: 'UPDATE ONLY sales.orders SET x = 1', kind: 'write', written: ['orders'] },
    { sql: 'UPDATE orders o SET total = i.total FROM items i WHERE i.order_id = o.id', kind: 'write', written: ['orders'], read: ['items'] },
    { sql: 'DELETE FROM orders WHERE id = 1', kind: 'write', written: ['orders'] },
    { sql: 'DELETE FROM ONLY sales.orders', kind: 'write', written: ['orders'] },
    { sql: 'delete from orders where id in (select order_id from refunds)', kind: 'write', written: ['orders'], read: ['refunds'] },
    { sql: 'REPLACE INTO orders VALUES (1)', kind: 'write', written: ['orders'] },
    { sql: 'TRUNCATE orders', kind: 'write', written: ['orders'] },
    { sql: 'TRUNCATE TABLE audit.orders', kind: 'write', written: ['orders'] },
    { sql: 'MERGE INTO orders USING staged s ON true WHEN NOT MATCHED THEN INSERT VALUES (1) WHEN MATCHED THEN DELETE', kind: 'write', written: ['orders'] },
    { sql: 'insert into order_outbox values (1)', kind: 'write', written: ['order_outbox'] },
  ])('$sql', (c) => {
    expectClassification(c);
  });

  it('MERGE … WHEN MATCHED THEN UPDATE SET: the clause is not a second target', () => {
    // Regression: an UPDATE after MERGE's `THEN` was read as an UPDATE statement, and the word
    // after it (`set`) became a written table.
    expectClassification({
      sql: 'MERGE INTO orders o USING staged s ON o.id = s.id WHEN MATCHED THEN UPDATE SET total = s.total',
      kind: 'write',
      written: ['orders'],
    });
  });

  it('UPSERT INTO (CockroachDB) names its table', () => {
    // Regression: `upsert` was not an accepted word before INTO, so an `UPSERT INTO outbox` was
    // not seen as an outbox write.
    expectClassification({ sql: 'UPSERT INTO outbox VALUES (1)', kind: 'write', written: ['outbox'] });
  });

  it('a doubled quote inside a quoted identifier is unescaped', () => {
    // Regression: the quoted text was kept raw, so `"we""ird"` yielded `we""ird`.
    expectClassification({ sql: 'INSERT INTO "we""ird" VALUES (1)', kind: 'write', written: ['we"ird'] });
    expectClassification({ sql: 'INSERT INTO `we``ird` VALUES (1)', kind: 'write', written: ['we`ird'] });
    expectClassification({ sql: 'INSERT INTO [we]]ird] VALUES (1)', kind: 'write', written: ['we]ird'] });
  });
});

describe('classifySql: upserts and locking reads', () => {
  it('INSERT … ON CONFLICT DO UPDATE is one write; its UPDATE is not a second target', () => {
    expectClassification({ sql: 'INSERT INTO orders (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total', kind: 'write', written: ['orders'] });
    expectClassification({ sql: 'INSERT INTO orders (id) VALUES (1) ON CONFLICT ON CONSTRAINT orders_pk DO UPDATE SET x = 1', kind: 'write', written: ['orders'] });
    expectClassification({ sql: 'INSERT INTO orders (id) VALUES ($1) ON CONFLICT DO NOTHING', kind: 'write', written: ['orders'] });
  });

  it('INSERT … ON DUPLICATE KEY UPDATE (MySQL) is one write', () => {
    expectClassification({ sql: 'INSERT INTO orders (id) VALUES (?) ON DUPLICATE KEY UPDATE total = VALUES(total)', kind: 'write', written: ['orders'] });
  });

  it.each<Case>([
    { sql: 'SELECT * FROM orders WHERE id = $1 FOR UPDATE', kind: 'read', written: [], read: ['orders'] },
    { sql: 'SELECT * FROM orders FOR UPDATE SKIP LOCKED', kind: 'read', written: [], read: ['orders'] },
    { sql: 'SELECT * FROM orders FOR UPDATE OF orders NOWAIT', kind: 'read', written: [], read: ['orders'] },
    { sql: 'SELECT * FROM orders o JOIN items i ON i.order_id = o.id FOR NO KEY UPDATE', kind: 'read', written: [], read: ['orders', 'items'] },
    { sql: 'SELECT * FROM orders LOCK IN SHARE MODE', kind: 'read', written: [], read: ['orders'] },
  ])('locking read: $sql', (c) => {
    expectClassification(c);
  });
});

describe('classifySql: reads', () => {
  it.each<Case>([
    { sql: 'SELECT * FROM orders', kind: 'read', written: [], read: ['orders'] },
    { sql: 'select id from a join b on a.id = b.id', kind: 'read', written: [], read: ['a', 'b'] },
    { sql: 'SELECT * FROM public.outbox WHERE published_at IS NULL', kind: 'read', written: [], read: ['outbox'] },
    { sql: 'WITH x AS (SELECT 1) SELECT * FROM x', kind: 'read', written: [], read: ['x'] },
    { sql: "SELECT * FROM orders WHERE status = 'UPDATE'", kind: 'read', written: [], read: ['orders'] },
    { sql: 'SELECT * FROM t WHERE "delete" = 1', kind: 'read', written: [], read: ['t'] },
  ])('$sql', (c) => {
    expectClassification(c);
  });

  it('a quoted identifier that spells a keyword is not that keyword', () => {
    // Regression: a column named "update" (or `update`) was taken for an UPDATE statement and
    // `from` was reported as a written table: a read became a write.
    expectClassification({ sql: 'SELECT "update" FROM t', kind: 'read', written: [], read: ['t'] });
    expectClassification({ sql: 'SELECT `update`, `delete` FROM t', kind: 'read', written: [], read: ['t'] });
    expectClassification({ sql: 'SELECT [update] FROM t', kind: 'read', written: [], read: ['t'] });
  });

  it('a qualified name that ends in a keyword is not that keyword', () => {
    expectClassification({ sql: 'SELECT o.update FROM orders o', kind: 'read', written: [], read: ['orders'] });
    expectClassification({ sql: 'SELECT o."delete" FROM orders o', kind: 'read', written: [], read: ['orders'] });
  });

  it('a quoted table name that spells a keyword is still a table', () => {
    expectClassification({ sql: 'UPDATE "only" SET x = 1', kind: 'write', written: ['only'] });
    expectClassification({ sql: 'UPDATE "set" SET x = 1', kind: 'write', written: ['set'] });
    expectClassification({ sql: 'INSERT INTO "select" VALUES (1)', kind: 'write', written: ['select'] });
  });
});

describe('classifySql: CTEs', () => {
  it.each<Case>([
    { sql: 'WITH moved AS (DELETE FROM outbox RETURNING *) INSERT INTO archive SELECT * FROM moved', kind: 'write', written: ['outbox', 'archive'] },
    { sql: 'WITH upd AS (UPDATE orders SET x = 1 RETURNING id) SELECT * FROM upd', kind: 'write', written: ['orders'], read: ['upd'] },
    { sql: 'with recursive t(n) as (select 1) insert into nums select n from t', kind: 'write', written: ['nums'], read: ['t'] },
    {
      sql: 'WITH a AS (INSERT INTO outbox VALUES (1) RETURNING id), b AS (UPDATE orders SET x = 1 RETURNING id) SELECT 1',
      kind: 'write',
      written: ['outbox', 'orders'],
    },
  ])('$sql', (c) => {
    expectClassification(c);
  });
});

describe('classifySql: transaction boundaries', () => {
  it.each<Case>([
    { sql: 'BEGIN', kind: 'tx-begin' },
    { sql: 'begin;', kind: 'tx-begin' },
    { sql: 'BEGIN TRANSACTION', kind: 'tx-begin' },
    { sql: 'BEGIN WORK', kind: 'tx-begin' },
    { sql: 'START TRANSACTION', kind: 'tx-begin' },
    { sql: 'START TRANSACTION ISOLATION LEVEL SERIALIZABLE', kind: 'tx-begin' },
    { sql: 'COMMIT', kind: 'tx-commit' },
    { sql: 'COMMIT WORK', kind: 'tx-commit' },
    { sql: 'END', kind: 'tx-commit' },
    { sql: 'END TRANSACTION', kind: 'tx-commit' },
    { sql: 'ROLLBACK', kind: 'tx-rollback' },
    { sql: 'ROLLBACK WORK', kind: 'tx-rollback' },
    { sql: 'ABORT', kind: 'tx-rollback' },
    // Rolling back to a savepoint keeps the transaction open: not a boundary.
    { sql: 'ROLLBACK TO SAVEPOINT sp1', kind: 'other' },
    { sql: 'ROLLBACK TO sp1', kind: 'other' },
    { sql: 'SAVEPOINT sp1', kind: 'other' },
    { sql: 'RELEASE SAVEPOINT sp1', kind: 'other' },
    { sql: 'START REPLICA', kind: 'other' },
    { sql: 'SET TRANSACTION ISOLATION LEVEL SERIALIZABLE', kind: 'other' },
  ])('$sql → $kind', (c) => {
    expectClassification({ ...c, written: [] });
  });

  it('ROLLBACK WORK|TRANSACTION TO SAVEPOINT keeps the transaction open', () => {
    // Regression: only `ROLLBACK TO` was recognised; the equally valid `ROLLBACK TRANSACTION TO
    // SAVEPOINT x` / `ROLLBACK WORK TO x` (PostgreSQL, MySQL) were taken for a full rollback.
    expectClassification({ sql: 'ROLLBACK TRANSACTION TO SAVEPOINT sp1', kind: 'other' });
    expectClassification({ sql: 'ROLLBACK WORK TO SAVEPOINT sp1', kind: 'other' });
    expectClassification({ sql: 'ROLLBACK WORK TO sp1', kind: 'other' });
    expectClassification({ sql: 'ROLLBACK TRANSACTION', kind: 'tx-rollback' });
  });
});

describe('classifySql: comments, strings and multi-statement text', () => {
  it.each<Case>([
    { sql: '-- INSERT INTO orders\nSELECT 1', kind: 'read', written: [] },
    { sql: '/* DELETE FROM orders */ SELECT * FROM orders', kind: 'read', written: [], read: ['orders'] },
    { sql: 'SELECT 1 -- ; DELETE FROM orders', kind: 'read', written: [] },
    { sql: 'SELECT 1 /* ; DELETE FROM orders */', kind: 'read', written: [] },
    { sql: 'DELETE FROM orders -- where\n WHERE id = 1', kind: 'write', written: ['orders'] },
    { sql: 'INSERT/*c*/INTO/*c*/orders VALUES (1)', kind: 'write', written: ['orders'] },
    { sql: "SELECT 'INSERT INTO orders' FROM dual", kind: 'read', written: [], read: ['dual'] },
    { sql: "SELECT 'it''s; DELETE FROM orders' AS x", kind: 'read', written: [] },
    { sql: "INSERT INTO orders VALUES ('); DELETE FROM x; --')", kind: 'write', written: ['orders'] },
    { sql: "SELECT '--'; DELETE FROM orders", kind: 'write', written: ['orders'] },
    { sql: "SELECT '/*'; DELETE FROM orders", kind: 'write', written: ['orders'] },
    { sql: 'SELECT "a--b" FROM t; DELETE FROM x', kind: 'write', written: ['x'], read: ['t'] },
  ])('$sql', (c) => {
    expectClassification(c);
  });

  it('a text that begins, writes and commits is one write', () => {
    expectClassification({ sql: 'BEGIN; INSERT INTO orders VALUES (1); COMMIT;', kind: 'write', written: ['orders'] });
    expectClassification({ sql: 'SELECT 1; DELETE FROM orders', kind: 'write', written: ['orders'] });
    expectClassification({ sql: 'INSERT INTO orders VALUES (1); INSERT INTO outbox VALUES (2)', kind: 'write', written: ['orders', 'outbox'] });
  });

  it('a text that begins and commits without writing leaves no transaction open', () => {
    // Regression: without a write, the kind was the FIRST non-`other` statement, so `BEGIN;
    // SELECT …; COMMIT` was `tx-begin` and `SELECT 1; BEGIN` was `read`. It is now the net
    // transaction state: the last boundary, unless it closes a BEGIN of the same text.
    expectClassification({ sql: 'BEGIN; SELECT * FROM orders; COMMIT', kind: 'read' });
    expectClassification({ sql: 'SELECT 1; BEGIN', kind: 'tx-begin' });
    expectClassification({ sql: 'BEGIN; ROLLBACK', kind: 'other' });
    expectClassification({ sql: 'BEGIN; SAVEPOINT a; ROLLBACK TO a; COMMIT', kind: 'other' });
    expectClassification({ sql: 'COMMIT; BEGIN', kind: 'tx-begin' });
    expectClassification({ sql: 'BEGIN; COMMIT; BEGIN', kind: 'tx-begin' });
    expectClassification({ sql: 'SELECT 1; COMMIT', kind: 'tx-commit' });
    expectClassification({ sql: 'SELECT 1; ROLLBACK', kind: 'tx-rollback' });
    expectClassification({ sql: 'SAVEPOINT a; SELECT 1', kind: 'read' });
  });

  it("PostgreSQL E'…' strings escape quotes with a backslash", () => {
    // Regression: `E'it\'s'` ended the string at `\'`, so the rest of the text was tokenized
    // from inside a string and the DELETE was missed.
    expectClassification({ sql: "SELECT E'it\\'s' FROM orders; DELETE FROM orders", kind: 'write', written: ['orders'] });
    expectClassification({ sql: "SELECT e'a\\\\' FROM orders; DELETE FROM x", kind: 'write', written: ['x'], read: ['orders'] });
    expectClassification({ sql: "SELECT E'it''s; DELETE FROM orders' AS x", kind: 'read', written: [] });
    // Only a lone, adjacent `E` makes an escape string: standard strings keep `\` literal.
    expectClassification({ sql: "SELECT 'C:\\' FROM orders; DELETE FROM x", kind: 'write', written: ['x'], read: ['orders'] });
    expectClassification({ sql: "SELECT type '\\' FROM orders; DELETE FROM x", kind: 'write', written: ['x'], read: ['orders'] });
  });

  it('PostgreSQL dollar-quoted strings are strings', () => {
    // Regression: `$tag$ … $tag$` was tokenized as code (`$` is a word character), so a `;` and
    // keywords inside it counted.
    expectClassification({ sql: 'SELECT $tag$ ; DELETE FROM orders $tag$ AS body', kind: 'read', written: [] });
    expectClassification({ sql: 'SELECT $$ ; DELETE FROM orders $$ FROM t', kind: 'read', written: [], read: ['t'] });
    expectClassification({ sql: 'SELECT $a$ $b$ ; DELETE FROM x $a$; DELETE FROM orders', kind: 'write', written: ['orders'] });
    expectClassification({ sql: 'SELECT $x$ unterminated ; DELETE FROM orders', kind: 'read', written: [] });
  });

  it('numbered placeholders are not dollar quotes', () => {
    expectClassification({ sql: 'UPDATE orders SET a = $1 WHERE id = $2; DELETE FROM refunds', kind: 'write', written: ['orders', 'refunds'] });
    expectClassification({ sql: 'SELECT * FROM orders WHERE a = $1 AND b = $2', kind: 'read', written: [], read: ['orders'] });
  });
});

describe('classifySql: placeholders', () => {
  it('keeps a placeholder table name (template substitution) as the placeholder', () => {
    expect(sqlPlaceholder).toBe('?');
    expectClassification({ sql: 'INSERT INTO ? VALUES (1)', kind: 'write', written: ['?'] });
    expectClassification({ sql: 'INSERT INTO outbox_? VALUES (1)', kind: 'write', written: ['outbox_?'] });
    expectClassification({ sql: 'UPDATE ? SET x = 1', kind: 'write', written: ['?'] });
  });

  it('is not confused by parameter styles', () => {
    expectClassification({ sql: 'INSERT INTO orders VALUES (:id, @name, $1, ?, %s)', kind: 'write', written: ['orders'] });
    expectClassification({ sql: 'SELECT * FROM orders WHERE id = $1 AND status = ?', kind: 'read', read: ['orders'] });
  });
});

describe('classifySql: empty, unknown and garbage input', () => {
  it.each([
    '',
    '   \n\t ',
    ';;;',
    ')))(((',
    '\u0000\u0001\uFFFF',
    'garbage text here',
    "'unterminated",
    '"unterminated',
    '[unterminated',
    '/* unterminated',
    '-- only a comment',
    '.INSERT INTO orders',
    'CREATE TABLE orders (id int)',
    'ALTER TABLE orders ADD COLUMN x int',
    'CALL do_stuff()',
    '\uD83D\uDE00 emoji',
  ])('%j is other', (sql) => {
    expectClassification({ sql, kind: 'other', written: [], read: [] });
  });

  it('a bare verb is a write with no known table', () => {
    expectClassification({ sql: 'update', kind: 'write', written: [] });
    expectClassification({ sql: 'insert into', kind: 'write', written: [] });
    expectClassification({ sql: 'DELETE orders WHERE id = 1', kind: 'write', written: [] });
  });
});

describe('classifySql: pathological input', () => {
  const megabyte = 1_000_000;
  // Each of these is a worst case for a naive scanner (rescanning for a closing quote or comment
  // from every opener, or growing a qualified name one dot at a time). The classifier must
  // return; how fast is a benchmark's business, not a test's.
  it.each<[string, string, SqlKind]>([
    ['single quotes', "'".repeat(megabyte), 'other'],
    ['double quotes', '"'.repeat(megabyte), 'other'],
    ['backticks', '`'.repeat(megabyte), 'other'],
    ['bracket openers', '['.repeat(megabyte), 'other'],
    ['comment openers', '/*'.repeat(megabyte / 2), 'other'],
    ['line-comment openers', '-'.repeat(megabyte), 'other'],
    ['statement separators', ';'.repeat(megabyte), 'other'],
    ['dots', '.'.repeat(megabyte), 'other'],
    ['placeholders', '?'.repeat(megabyte), 'other'],
    ['mixed openers', `'/*"--[\``.repeat(megabyte / 8), 'other'],
    ['a qualified name', `INSERT INTO ${'a.'.repeat(megabyte / 2)}`, 'write'],
    ['a quoted qualified name', `INSERT INTO ${'"a".'.repeat(megabyte / 4)}`, 'write'],
    ['repeated verbs', 'insert into t '.repeat(megabyte / 14), 'write'],
    ['repeated FOR UPDATE', `SELECT * FROM t ${'FOR UPDATE '.repeat(megabyte / 11)}`, 'read'],
  ])('%s (1 MB) classifies', (_name, sql, kind) => {
    expect(sql.length).toBeGreaterThan(megabyte * 0.9);
    expect(classifySql(sql).kind).toBe(kind);
  });

  it('a long qualified name keeps only its last part', () => {
    expectClassification({ sql: `INSERT INTO ${'a.'.repeat(40_000)}orders VALUES (1)`, kind: 'write', written: ['orders'] });
    expectClassification({ sql: `INSERT INTO ${'"a".'.repeat(20_000)}"Orders" VALUES (1)`, kind: 'write', written: ['orders'] });
    expectClassification({ sql: `SELECT * FROM ${'$a$'.repeat(30_000)}`, kind: 'read', written: [] });
  });

  it('a write past the classifier’s length cap is not seen, and nothing before it is lost', () => {
    const padding = `SELECT * FROM orders WHERE note = '${'x'.repeat(200_000)}'; `;
    expectClassification({ sql: `${padding}DELETE FROM orders`, kind: 'read', written: [], read: ['orders'] });
    expectClassification({ sql: `DELETE FROM orders; ${padding}`, kind: 'write', written: ['orders'] });
  });

  it('a statement just under the cap is still classified in full', () => {
    const values = Array.from({ length: 9_000 }, (_, i) => `(${String(i)})`).join(',');
    const sql = `INSERT INTO outbox VALUES ${values}; UPDATE orders SET x = 1`;
    expect(sql.length).toBeLessThan(100_000);
    expectClassification({ sql, kind: 'write', written: ['outbox', 'orders'] });
  });
});

describe('classifySql: writes a replay repeats', () => {
  const inserts = (sql: string): boolean | undefined => classifySql(sql).insertsWithoutConflictHandling;
  const increments = (sql: string): boolean | undefined => classifySql(sql).incrementsColumn;

  it.each([
    'INSERT INTO payments (id) VALUES ($1)',
    'insert into payments select * from staged',
    'WITH x AS (SELECT 1) INSERT INTO payments SELECT * FROM x',
    'BEGIN; INSERT INTO payments VALUES (1); COMMIT',
    // A column that only spells a keyword handles nothing.
    'INSERT INTO payments ("ignore", "conflict") VALUES (1, 2)',
    'INSERT INTO payments (ignore) VALUES (1)',
  ])('an INSERT without conflict handling adds a row on every replay: %s', (sql) => {
    expect(inserts(sql)).toBe(true);
  });

  it.each([
    'INSERT INTO payments (id) VALUES ($1) ON CONFLICT DO NOTHING',
    'INSERT INTO payments (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total',
    'INSERT INTO payments (id) VALUES (?) ON DUPLICATE KEY UPDATE id = id',
    'INSERT IGNORE INTO payments (id) VALUES (?)',
    'INSERT LOW_PRIORITY IGNORE INTO payments (id) VALUES (?)',
    'INSERT OR IGNORE INTO payments (id) VALUES (?)',
    'INSERT OR REPLACE INTO payments (id) VALUES (?)',
    'MERGE INTO payments p USING staged s ON p.id = s.id WHEN NOT MATCHED THEN INSERT VALUES (s.id)',
  ])('an INSERT that handles a conflict: %s', (sql) => {
    expect(inserts(sql)).toBe(false);
  });

  it.each(['UPDATE payments SET status = 1', 'DELETE FROM payments', 'SELECT * FROM payments', 'REPLACE INTO payments VALUES (1)', "SELECT 'INSERT INTO payments'"])(
    'not an INSERT: %s',
    (sql) => {
      expect(inserts(sql)).toBe(false);
    },
  );

  it('INSERT OR IGNORE / OR REPLACE (SQLite) still name their table', () => {
    expectClassification({ sql: 'INSERT OR IGNORE INTO payments VALUES (1)', kind: 'write', written: ['payments'] });
    expectClassification({ sql: 'INSERT OR REPLACE INTO payments VALUES (1)', kind: 'write', written: ['payments'] });
  });

  it.each([
    'UPDATE accounts SET balance = balance + $1 WHERE id = $2',
    'UPDATE products SET x = x - 1',
    'UPDATE accounts SET version = $1, balance = balance + ? WHERE id = ?',
    'update accounts set "balance" = "balance" + 1',
    'UPDATE accounts SET balance = accounts.balance + 1',
    'UPDATE accounts a SET balance = a.balance - 1',
    'UPDATE accounts AS a SET a.balance = a.balance + 1',
    'INSERT INTO counters AS c (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = c.n + 1',
  ])('a self increment applies twice on a replay: %s', (sql) => {
    expect(increments(sql)).toBe(true);
  });

  it.each([
    "UPDATE orders SET status = 'paid' WHERE id = $1",
    'UPDATE accounts SET a = b + 1',
    'UPDATE accounts SET balance = $1 + 1',
    'UPDATE orders o SET total = i.total + 1 FROM items i WHERE i.order_id = o.id',
    'INSERT INTO counters (id, n) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = EXCLUDED.n + 0',
    "UPDATE accounts SET note = 'balance = balance + 1'",
    'SELECT balance >= balance + 1 FROM accounts',
    'UPDATE accounts SET balance = balance * 2',
  ])('not a self increment: %s', (sql) => {
    expect(increments(sql)).toBe(false);
  });
});
