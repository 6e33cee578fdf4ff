export interface Generator {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  text(alphabet: string, min: number, max: number): string;
}
export function generator(seed: number): Generator;
