// Group commit for audit entries of reads: requests that arrive together share one
// transaction (one fsync), and each request still waits until its entry is committed.
import type { Db } from "../db/database.js";
import { appendAudit, type AuditEntryInput } from "./audit.repository.js";

interface Pending {
  entries: AuditEntryInput[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AuditBatcher {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly db: Db) {}

  append(entries: AuditEntryInput[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ entries, resolve, reject });
      if (!this.flushing) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        try {
          await appendAudit(
            this.db,
            batch.flatMap((p) => p.entries),
          );
          for (const p of batch) p.resolve();
        } catch (error) {
          for (const p of batch) p.reject(error);
        }
      }
    } finally {
      this.flushing = false;
    }
  }
}
