/** Appends `value` to the list under `key` (in place: building lists by copying them is quadratic). */
export function pushTo<K, T>(map: Map<K, T[]>, key: K, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
