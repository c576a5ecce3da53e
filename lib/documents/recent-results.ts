/**
 * Keeps the results of the last `limit` keys asked for (least recently used out first), as
 * promises so requests arriving together share one computation; a failure is not kept.
 */
export function recentResults<V>(limit: number): (key: string, make: () => Promise<V>) => Promise<V> {
  const kept = new Map<string, Promise<V>>();
  return (key, make) => {
    const known = kept.get(key);
    if (known) {
      kept.delete(key);
      kept.set(key, known);
      return known;
    }
    const value = make();
    kept.set(key, value);
    value.catch(() => kept.delete(key));
    if (kept.size > limit) kept.delete(kept.keys().next().value!);
    return value;
  };
}
