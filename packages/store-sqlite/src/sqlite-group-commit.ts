import type Database from 'better-sqlite3';

/** Most operations one group commit holds; the rest go in the next one. */
const MAX_BATCH = 1024;

interface QueuedWork {
  run: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for one better-sqlite3 connection: the writes queued during
 * one turn of the event loop (every delivery whose body arrived while the
 * previous commit was being fsync'd) run in one IMMEDIATE transaction, so
 * they share one commit and one fsync. Each piece of work runs in a
 * savepoint of its own: one that throws rolls back alone and rejects alone,
 * the others still commit. A promise settles only after the commit that
 * holds its work (or with the commit's error, if the commit fails):
 * nothing is acknowledged before it is durable.
 */
export interface SqliteGroupCommit {
  /** Queues `work` for the next group commit; resolves with its result once committed. */
  enqueue<T>(work: () => T): Promise<T>;
  /**
   * Commits what is queued now, synchronously: before an operation that
   * does not go through the queue, so that it sees every write called
   * before it (and on close). A no-op inside a commit.
   */
  flush(): void;
}

export function createSqliteGroupCommit(
  db: Database.Database,
): SqliteGroupCommit {
  let queue: QueuedWork[] = [];
  let scheduled = false;
  let flushing = false;

  // Nested better-sqlite3 transactions are savepoints.
  const inSavepoint = db.transaction((work: () => unknown) => work());
  let control:
    { begin: Database.Statement; commit: Database.Statement } | undefined;

  function commit(batch: QueuedWork[]): void {
    const outcomes: { ok: boolean; value: unknown }[] = [];
    try {
      control ??= {
        begin: db.prepare('BEGIN IMMEDIATE'),
        commit: db.prepare('COMMIT'),
      };
      control.begin.run();
      for (const item of batch) {
        try {
          outcomes.push({ ok: true, value: inSavepoint(item.run) });
        } catch (error) {
          outcomes.push({ ok: false, value: error });
        }
      }
      control.commit.run();
    } catch (error) {
      // BEGIN or COMMIT failed (busy, disk full, closed): nothing is durable.
      if (db.open && db.inTransaction) {
        try {
          db.prepare('ROLLBACK').run();
        } catch {
          // The connection rolled back already.
        }
      }
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.value);
    });
  }

  function flush(): void {
    if (flushing) return;
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch =
          queue.length <= MAX_BATCH ? queue : queue.slice(0, MAX_BATCH);
        queue = queue.length <= MAX_BATCH ? [] : queue.slice(MAX_BATCH);
        commit(batch);
      }
    } finally {
      flushing = false;
    }
  }

  return {
    enqueue<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({
          run: work,
          resolve: resolve as (value: unknown) => void,
          reject,
        });
        if (!scheduled) {
          scheduled = true;
          // After the poll phase: every request read in this turn joins.
          setImmediate(() => {
            scheduled = false;
            flush();
          });
        }
      });
    },
    flush,
  };
}
