// What the units of one group-committed transaction share: reads made once for all of them, and
// writes gathered from all of them and made once, in the same transaction just before it commits.
import type { Db } from "./database.js";

interface Gathered {
  items: unknown[];
  write: (trx: Db, items: unknown[]) => Promise<void>;
}

export class CommitBatch {
  private readonly reads = new Map<string, Promise<unknown>>();
  private readonly gathered = new Map<string, Gathered>();

  /**
   * read(), made once for the batch under key: only for what no unit of the batch writes
   * (e.g. an organisation's settings while check-ins are stored).
   */
  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let result = this.reads.get(key) as Promise<T> | undefined;
    if (!result) {
      result = read();
      this.reads.set(key, result);
    }
    return result;
  }

  /** Adds items to the write under key, made once with every unit's items before the commit. */
  gather<I>(
    key: string,
    items: readonly I[],
    write: (trx: Db, items: I[]) => Promise<void>,
  ): void {
    let entry = this.gathered.get(key);
    if (!entry) {
      entry = {
        items: [],
        write: write as (trx: Db, items: unknown[]) => Promise<void>,
      };
      this.gathered.set(key, entry);
    }
    entry.items.push(...items);
  }

  /** Makes the gathered writes; the group commit calls it last in the transaction. */
  async writeGathered(trx: Db): Promise<void> {
    for (const { items, write } of this.gathered.values())
      if (items.length > 0) await write(trx, items);
    this.gathered.clear();
  }
}
