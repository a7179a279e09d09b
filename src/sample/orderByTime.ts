/**
 * Sorts event indices by time: returns the indices 0..count-1 ordered by `times`, ties broken
 * by index, so the order is fully determined and events recorded in causal order keep it.
 *
 * Times are whole seconds. When `count · (latest - earliest) / 1000` fits in a double's exact
 * integer range, each event is packed into one number (seconds since the earliest · count +
 * index) and the keys are sorted natively, several times faster than with a comparator;
 * otherwise a comparator sorts the indices.
 *
 * @param times - Epoch ms of each event, whole seconds; only the first `count` are read.
 * @param count - How many events there are.
 * @returns The event indices in time order.
 */
export function orderByTime(times: Float64Array, count: number): Uint32Array {
  let earliest = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (let index = 0; index < count; index++) {
    const time = times[index] as number;
    if (time < earliest) earliest = time;
    if (time > latest) latest = time;
  }
  const order = new Uint32Array(count);
  if (count === 0) return order;
  if (((latest - earliest) / 1000 + 1) * count <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(count);
    for (let index = 0; index < count; index++) keys[index] = (((times[index] as number) - earliest) / 1000) * count + index;
    keys.sort();
    for (let index = 0; index < count; index++) order[index] = (keys[index] as number) % count;
    return order;
  }
  for (let index = 0; index < count; index++) order[index] = index;
  order.sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  return order;
}
