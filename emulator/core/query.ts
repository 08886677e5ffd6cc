// Query strings: keys case-insensitive, values repeatable and/or comma-separated (docs/mangopay-api.md §1, §2.3).
export class Query {
  private readonly values = new Map<string, string[]>();

  constructor(params: URLSearchParams) {
    for (const [key, value] of params) {
      const k = key.toLowerCase();
      const list = this.values.get(k);
      if (list) list.push(value);
      else this.values.set(k, [value]);
    }
  }

  static parse(url: string): Query {
    const i = url.indexOf("?");
    return new Query(new URLSearchParams(i < 0 ? "" : url.slice(i + 1)));
  }

  has(key: string): boolean {
    return this.values.has(key.toLowerCase());
  }

  get(key: string): string | undefined {
    return this.values.get(key.toLowerCase())?.[0];
  }

  /** Every value of a filter, repeated params and comma lists merged, trimmed, empties dropped. */
  all(key: string): string[] {
    const raw = this.values.get(key.toLowerCase());
    if (!raw) return [];
    const out: string[] = [];
    for (const v of raw) for (const part of v.split(",")) if (part.trim()) out.push(part.trim());
    return out;
  }
}
