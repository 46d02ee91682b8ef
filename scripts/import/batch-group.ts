// Several articles per D1 call, each still whole. The importer writes each
// article through the newsroom's createArticle/updateArticle, which end in one
// `DB.batch()` (a transaction) per article. A BatchGroup hands those functions
// a D1 binding whose `batch()` waits until every article of the group has
// either asked for its batch or finished, then sends all the waiting batches
// as one (a batch of N whole articles is still one transaction). If that
// combined batch fails, each article's own batch is sent alone, so one bad
// article fails by itself, with its own error, and the others land.
// Reads (`prepare().all()`, `.raw()`, `.first()`) that arrive together (the
// group's articles checking their slugs, photos, authors at about the same
// time) are sent together too, as one batch of selects: one round trip
// instead of one each, which matters most over the HTTP API (--remote). Batches
// are sent in the order of the tasks (not of their arrival), so new rows get
// ids in source order, run after run.
import { AsyncLocalStorage } from "node:async_hooks";
import { AllBackedStatement } from "./statement-shapes";

/** D1 limits we stay under (developers.cloudflare.com/d1/platform/limits/); see docs/import.md "Speed". */
export const MAX_STATEMENTS_PER_CALL = 300;

const taskIndex = new AsyncLocalStorage<number>();

/** An error after which nothing more should be tried (remote-d1.ts RemoteApiError). */
const isFatal = (error: unknown) => (error as { fatal?: boolean } | null)?.fatal === true;

interface Waiting {
  order: number;
  statements: D1PreparedStatement[];
  resolve: (results: D1Result[]) => void;
  reject: (error: unknown) => void;
}

/** A statement of the group's binding: the real one, executed through the group's read queue. */
class GroupStatement extends AllBackedStatement {
  constructor(
    private readonly group: BatchGroup,
    readonly real: D1PreparedStatement,
  ) {
    super();
  }
  bind(...values: unknown[]): GroupStatement {
    return new GroupStatement(this.group, this.real.bind(...values));
  }
  all<T>(): Promise<D1Result<T>> {
    return this.group.read(this.real) as Promise<D1Result<T>>;
  }
}

const realOf = (s: D1PreparedStatement | GroupStatement): D1PreparedStatement =>
  s instanceof GroupStatement ? s.real : s;

interface Read {
  statement: D1PreparedStatement;
  resolve: (result: D1Result) => void;
  reject: (error: unknown) => void;
}

export class BatchGroup {
  private active = 0;
  private waiting: Waiting[] = [];
  private reads: Read[] = [];
  /** Round trips saved: reads sent with others. */
  readCalls = 0;
  /** D1 calls made with more than one article's batch, and those that had to be split. */
  combinedCalls = 0;
  splitCalls = 0;
  readonly binding: D1Database;

  constructor(
    private readonly db: D1Database,
    private readonly maxStatements = MAX_STATEMENTS_PER_CALL,
  ) {
    this.binding = {
      prepare: (query: string) => new GroupStatement(this, db.prepare(query)),
      batch: <T>(given: (D1PreparedStatement | GroupStatement)[]) =>
        new Promise<D1Result<T>[]>((resolve, reject) => {
          this.waiting.push({
            order: taskIndex.getStore() ?? Number.MAX_SAFE_INTEGER,
            statements: given.map(realOf),
            resolve: resolve as Waiting["resolve"],
            reject,
          });
          this.maybeFlush();
        }),
      exec: (query: string) => db.exec(query),
      dump: () => db.dump(),
      withSession: (constraint?: string) => db.withSession(constraint),
    } as unknown as D1Database;
  }

  /** Queues a read; the reads queued in this turn of the event loop go as one batch. */
  read(statement: D1PreparedStatement): Promise<D1Result> {
    return new Promise((resolve, reject) => {
      if (!this.reads.length) setImmediate(() => void this.sendReads());
      this.reads.push({ statement, resolve, reject });
    });
  }

  private async sendReads(): Promise<void> {
    const reads = this.reads;
    this.reads = [];
    this.readCalls++;
    if (reads.length === 1) {
      const [only] = reads as [Read];
      await only.statement.all().then(only.resolve, only.reject);
      return;
    }
    try {
      const results = await this.db.batch(reads.map((r) => r.statement));
      for (const [i, r] of reads.entries()) r.resolve(results[i]!);
    } catch (error) {
      if (isFatal(error)) for (const r of reads) r.reject(error);
      else for (const r of reads) await r.statement.all().then(r.resolve, r.reject);
    }
  }

  /** Runs the tasks together; their batches are combined. Settles like Promise.allSettled. */
  async run<T>(tasks: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
    this.active += tasks.length;
    return Promise.allSettled(
      tasks.map(async (task, index) => {
        try {
          return await taskIndex.run(index, task);
        } finally {
          this.active--;
          this.maybeFlush();
        }
      }),
    );
  }

  private maybeFlush(): void {
    if (!this.waiting.length || this.waiting.length < this.active) return;
    const all = this.waiting.sort((a, b) => a.order - b.order);
    this.waiting = [];
    // Chunks of whole batches within the statement limit (a batch larger than
    // it goes alone), one after the other so ids follow the source order.
    const chunks: Waiting[][] = [];
    let size = 0;
    for (const w of all) {
      const last = chunks.at(-1);
      if (!last || (last.length && size + w.statements.length > this.maxStatements)) {
        chunks.push([w]);
        size = w.statements.length;
      } else {
        last.push(w);
        size += w.statements.length;
      }
    }
    void (async () => {
      for (const chunk of chunks) await this.send(chunk);
    })();
  }

  private async send(chunk: Waiting[]): Promise<void> {
    if (chunk.length === 1) {
      const [only] = chunk as [Waiting];
      await this.db.batch(only.statements).then(only.resolve, only.reject);
      return;
    }
    this.combinedCalls++;
    let results: D1Result[];
    try {
      results = await this.db.batch(chunk.flatMap((w) => w.statements));
    } catch (error) {
      // The API gave up (--remote): no use asking again article by article.
      if (isFatal(error)) {
        for (const w of chunk) w.reject(error);
        return;
      }
      // One of them is bad: each alone, so the error names its article.
      this.splitCalls++;
      for (const w of chunk) await this.db.batch(w.statements).then(w.resolve, w.reject);
      return;
    }
    let at = 0;
    for (const w of chunk) {
      w.resolve(results.slice(at, at + w.statements.length));
      at += w.statements.length;
    }
  }
}
