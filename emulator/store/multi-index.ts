// key → ids in insertion (= creation) order. Lists walk only the ids of one owner, never the whole store.
export class MultiIndex {
  private readonly map = new Map<string, string[]>();

  add(key: string | null | undefined, id: string): void {
    if (!key) return;
    const ids = this.map.get(key);
    if (ids) {
      if (ids[ids.length - 1] !== id) ids.push(id);
    } else {
      this.map.set(key, [id]);
    }
  }

  get(key: string): readonly string[] {
    return this.map.get(key) ?? [];
  }

  clear(): void {
    this.map.clear();
  }
}
