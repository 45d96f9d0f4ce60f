import type { Clock } from "../ports.ts";
import { type CatalogEntry, toCatalogEntry } from "./catalog-entry.ts";

export interface ModelCatalogOptions {
  readonly load: () => Promise<unknown[]>;
  readonly clock: Clock;
  /** The list changes rarely; prices move a few times a year. */
  readonly ttlMs?: number;
}

/**
 * A cached view of the model list. Concurrent callers share one load; a failed refresh keeps serving the
 * last good list, because estimating with yesterday's price beats refusing every call.
 */
export class ModelCatalog {
  private entries: ReadonlyMap<string, CatalogEntry> | null = null;
  private loadedAt = 0;
  private pending: Promise<ReadonlyMap<string, CatalogEntry>> | null = null;

  constructor(private readonly options: ModelCatalogOptions) {}

  async list(): Promise<readonly CatalogEntry[]> {
    return [...(await this.current()).values()];
  }

  async find(modelId: string): Promise<CatalogEntry | null> {
    return (await this.current()).get(modelId) ?? null;
  }

  private async current(): Promise<ReadonlyMap<string, CatalogEntry>> {
    const fresh =
      this.entries && this.options.clock.nowMs() - this.loadedAt < (this.options.ttlMs ?? 3_600_000);
    if (fresh && this.entries) return this.entries;
    this.pending ??= this.refresh().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async refresh(): Promise<ReadonlyMap<string, CatalogEntry>> {
    try {
      const raw = await this.options.load();
      const entries = new Map<string, CatalogEntry>();
      for (const item of raw) {
        const entry = toCatalogEntry(item);
        if (entry) entries.set(entry.id, entry);
      }
      this.entries = entries;
      this.loadedAt = this.options.clock.nowMs();
      return entries;
    } catch (error) {
      if (this.entries) return this.entries;
      throw error;
    }
  }
}
