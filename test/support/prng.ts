// A small seeded pseudo-random generator (mulberry32) for tests that must repeat exactly given a
// seed: the crash test's child and parent, and the fuzz test's hand-made inputs. Math.random cannot
// be seeded, and a failure that cannot be replayed cannot be fixed.

// The same generator the demo data uses; one implementation serves both.
export { createRng as prng, type Rng as Prng } from '../../electron/demo/random';

/** Folds any number of integers (a seed, a database number, a run number…) into one 32-bit seed. */
export function mixSeed(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x01000193);
    h ^= h >>> 15;
  }
  return h >>> 0;
}
