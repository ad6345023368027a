// Keeps the anchor at the committed head of each organisation's chain. Appends mark their
// organisations; one refresh at a time reads the committed heads (on PostgreSQL under the
// chain's advisory lock, so it waits for an append's transaction to end; on SQLite the single
// connection waits for it) and replaces the anchor file. The anchor only moves forward along
// the same chain: if the entry it names is gone or changed, it stays put and the refresh reports it.
import type { Db } from "../db/database.js";
import { auditOrganisations, committedHead } from "./audit.repository.js";
import { readAnchor, writeAnchor, type AnchoredHeads } from "./auditAnchor.js";

export class AuditAnchorWriter {
  private readonly dirty = new Set<string>();
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    readonly file: string,
    private readonly report: (error: Error) => void,
  ) {}

  /** Marks organisations whose chains grew; the anchor follows soon after their commits. */
  touch(organisationIds: readonly string[]): void {
    for (const id of organisationIds) this.dirty.add(id);
    this.running ??= new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.drain())
      .finally(() => (this.running = undefined));
  }

  /** Waits until the anchor holds every head marked so far (one more try after a failure). */
  async flush(): Promise<void> {
    await this.running;
    if (this.dirty.size === 0) return;
    this.touch([]);
    await this.running;
  }

  /** Anchors every organisation's committed head now (at start: after an upgrade, or a restore). */
  async refreshAll(): Promise<void> {
    const organisations = await auditOrganisations(this.db);
    const anchored = await readAnchor(this.file).catch(() => ({})); // refresh() reports it
    if (organisations.length > 0 && !anchored)
      this.report(
        new Error(
          `no audit anchor at ${this.file}: anchoring the chains as they stand (entries deleted earlier cannot be detected)`,
        ),
      );
    this.touch(organisations);
    await this.flush();
  }

  private async drain(): Promise<void> {
    while (this.dirty.size > 0) {
      const organisations = [...this.dirty];
      this.dirty.clear();
      try {
        await this.refresh(organisations);
      } catch (error) {
        // The database or the file is unavailable: keep the marks for the next append or flush.
        for (const id of organisations) this.dirty.add(id);
        this.report(error instanceof Error ? error : new Error(String(error)));
        return;
      }
    }
  }

  private async refresh(organisations: string[]): Promise<void> {
    const anchored = (await readAnchor(this.file)) ?? {};
    const moved: AnchoredHeads = {};
    for (const id of organisations) {
      const prior = anchored[id];
      const { head, atAnchor } = await committedHead(this.db, id, prior?.seq);
      if (prior && atAnchor !== prior.hash) {
        this.report(
          new Error(
            `the audit chain of organisation ${id} no longer holds its anchored entry ${prior.seq}; the anchor stays (run rapport audit verify)`,
          ),
        );
        continue;
      }
      if (head && (!prior || head.seq > prior.seq)) moved[id] = head;
    }
    if (Object.keys(moved).length === 0) return;
    // Another process (a CLI command beside the server) may have moved the anchor meanwhile.
    const latest = (await readAnchor(this.file)) ?? {};
    for (const [id, head] of Object.entries(moved))
      if ((latest[id]?.seq ?? 0) < head.seq) latest[id] = head;
    await writeAnchor(this.file, latest);
  }
}
