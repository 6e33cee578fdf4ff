// A seeded random generator (mulberry32) for the generated-input tests, in the browser and
// in node alike: every run tries the same inputs, and a failure names the seed to replay.

/** `next()` in [0, 1), `int(min, max)` inclusive, `pick(items)`, `text(alphabet, min, max)`. */
export function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[int(0, items.length - 1)];
  const text = (alphabet, min, max) => Array.from({ length: int(min, max) }, () => pick([...alphabet])).join('');
  return { next, int, pick, text };
}
