import type { LocalAuthEntry } from './options.js';

/**
 * What the station knows about idTags without asking the CSMS: the local authorization list (set by
 * SendLocalList) and the authorization cache (filled from Authorize / transaction answers). OCPP 1.6
 * §3.5 and 2.0.1 C-blocks: the list wins over the cache; an expired entry counts as Expired.
 */
export interface IdTagInfo {
  status: string;
  expiryDate?: string;
  parentIdTag?: string;
}

export type SendLocalListStatus = 'Accepted' | 'Failed' | 'VersionMismatch';

export interface LocalListUpdate {
  idTag: string;
  /** Absent in a Differential update: remove the entry. */
  info?: IdTagInfo;
}

export class AuthStore {
  private readonly list = new Map<string, IdTagInfo>();
  private readonly cache = new Map<string, IdTagInfo>();
  /** When each cache entry was last stored or used (2.0.1 AuthCacheCtrlr.LifeTime counts from there). */
  private readonly cacheUsedAt = new Map<string, number>();
  listVersion = 0;

  constructor(initial: LocalAuthEntry[] = []) {
    for (const e of initial) this.list.set(e.idTag, { status: e.status, expiryDate: e.expiryDate, parentIdTag: e.parentIdTag });
    if (initial.length > 0) this.listVersion = 1;
  }

  get listSize(): number {
    return this.list.size;
  }

  get cacheSize(): number {
    return this.cache.size;
  }

  /** The local verdict on a tag: from the list (when enabled), else the cache (when enabled). */
  lookup(idTag: string, useList: boolean, useCache: boolean): IdTagInfo | undefined {
    const hit = (useList ? this.list.get(idTag) : undefined) ?? (useCache ? this.cache.get(idTag) : undefined);
    if (!hit) return undefined;
    if (hit.status === 'Accepted' && hit.expiryDate && Date.parse(hit.expiryDate) < Date.now()) return { ...hit, status: 'Expired' };
    return hit;
  }

  /** Remembers the CSMS's verdict (a tag in the local list is not cached: the list is authoritative). */
  remember(idTag: string, info: IdTagInfo, cacheEnabled: boolean): void {
    if (!cacheEnabled || this.list.has(idTag)) return;
    this.cache.set(idTag, info);
    this.cacheUsedAt.set(idTag, Date.now());
  }

  /** When the tag's cache entry was last stored or used; undefined when it has none. */
  cacheLastUsed(idTag: string): number | undefined {
    return this.cache.has(idTag) ? this.cacheUsedAt.get(idTag) : undefined;
  }

  /** Marks the tag's cache entry as used now. */
  touchCached(idTag: string): void {
    if (this.cache.has(idTag)) this.cacheUsedAt.set(idTag, Date.now());
  }

  /** True when the local authorization list has the tag (it is then not taken from the cache). */
  listed(idTag: string): boolean {
    return this.list.has(idTag);
  }

  /** Drops one tag's cache entry (CustomerInformation clear); the local list keeps it. */
  forget(idTag: string): void {
    this.cache.delete(idTag);
    this.cacheUsedAt.delete(idTag);
  }

  clearCache(): void {
    this.cache.clear();
    this.cacheUsedAt.clear();
  }

  /** SendLocalList: Full replaces the list, Differential edits it and needs a newer version. */
  update(version: number, full: boolean, entries: LocalListUpdate[], maxLength: number): SendLocalListStatus {
    if (!full && version <= this.listVersion) return 'VersionMismatch';
    if (full) {
      if (entries.length > maxLength) return 'Failed';
      this.list.clear();
    }
    for (const e of entries) {
      if (e.info) this.list.set(e.idTag, e.info);
      else this.list.delete(e.idTag);
    }
    if (this.list.size > maxLength) return 'Failed';
    this.listVersion = version;
    return 'Accepted';
  }
}

/** True when two tags belong together for stopping: the same tag or the same parent (group). */
export function sameOwner(a: { idTag: string; parentIdTag?: string }, b: { idTag: string; parentIdTag?: string }): boolean {
  if (a.idTag === b.idTag) return true;
  return a.parentIdTag !== undefined && a.parentIdTag === b.parentIdTag;
}
