/**
 * Memory of values computed from a sender's fields (ID number, phone, address, their
 * encryptions and blind indexes). Shops send parcel after parcel under one sender: in the demo
 * stream the 20,000 most frequent sender values cover 98 % of rows, so remembering them spares
 * the validation, the cipher and the garbage of each repeat. Receivers' values mostly differ
 * (the top 20,000 cover 35 %) and go to the functions directly: a memory that mostly misses
 * costs more than it saves, in hashing, map growth and garbage collection.
 */

/** Entries a memory holds before it is cleared (then it fills again with the values in use). */
export const SENDER_MEMO_MAX = 50_000;

/**
 * `f` remembered per text argument, at most `max` entries (cleared when full). `f` must be a pure
 * function of its argument, and its results are shared: callers must not change them.
 */
export function senderMemo<T>(f: (value: string) => T, max = SENDER_MEMO_MAX): (value: string) => T {
  const cache = new Map<string, T>();
  return (value) => {
    let out = cache.get(value);
    if (out === undefined && !cache.has(value)) {
      if (cache.size >= max) cache.clear();
      out = f(value);
      cache.set(value, out);
    }
    return out as T;
  };
}
