/**
 * The valibot functions that the config schema (config-schema.ts) is written with, as
 * small as the drop-in needs them. The drop-in build puts this module in valibot's place
 * (rollup.config.mjs), so the page runs the very definition that gives the TypeScript
 * types, the published JSON Schema and `consent-banner-check` — with about a third of
 * valibot's bytes. Everything else (the npm build, the check CLI, the tests) uses valibot.
 *
 * It follows valibot's rules for which problems are found, at which paths and in which
 * order, and writes each message as issue-messages.ts words valibot's: "is required",
 * "must be string, not 5", "unknown property "x"", or the schema's own.
 * test/e2e/valibot-lite.test.mjs proves that `parseConfig` gives the same result both ways
 * on valid, broken and randomly changed configs. Not covered: anything config-schema.ts
 * does not use (defaults, fallbacks, async, abortEarly, a schema after the first item of a pipe).
 */
import type * as valibot from 'valibot';

/* eslint-disable @typescript-eslint/no-explicit-any -- it mirrors valibot's untyped run protocol */
interface Issue {
  message: string;
  path?: { key: unknown }[];
}
interface Dataset {
  typed?: boolean;
  value: any;
  issues?: Issue[];
}
interface Node {
  /** Set on `optional(…)`: a strict object may lack the key. */
  optional?: true;
  '~run'(dataset: Dataset): Dataset;
}

/** How valibot names a received value: `"text"`, `5`, `Object`, `null`, `undefined`. */
function stringify(input: unknown): string {
  const type = typeof input;
  if (type === 'object' || type === 'function') return (input && Object.getPrototypeOf(input)?.constructor?.name) ?? 'null';
  return type === 'string' ? `"${input}"` : type === 'undefined' || type === 'symbol' ? type : `${input}`;
}

function addIssue(dataset: Dataset, message: string, path?: { key: unknown }[]): void {
  (dataset.issues ??= []).push({ message, path });
}

/** A value of the wrong type: the schema's own message, else what it must be and what it is. */
function typeIssue(dataset: Dataset, expects: string, message?: string): Dataset {
  addIssue(dataset, message ?? (dataset.value === undefined ? 'is required' : `must be ${expects}, not ${stringify(dataset.value)}`));
  dataset.typed = false;
  return dataset;
}

/** Adds a child's issues to its parent's, under the child's key; an untyped child leaves the parent untyped. */
function lift(dataset: Dataset, child: Dataset, key: unknown): void {
  for (const issue of child.issues ?? []) (issue.path ??= []).unshift({ key });
  if (child.issues) (dataset.issues ??= []).push(...child.issues);
  if (!child.typed) dataset.typed = false;
}

const typeSchema =
  (expects: string, test: (value: unknown) => boolean) =>
  (message?: string): Node => ({
    '~run': (dataset) => (test(dataset.value) ? ((dataset.typed = true), dataset) : typeIssue(dataset, expects, message)),
  });

/** A check on a value of the right type; config-schema.ts gives each its message. */
const validation =
  (fails: (value: any, requirement: any) => boolean) =>
  (requirement: unknown, message?: string): Node => ({
    '~run'(dataset) {
      if (dataset.typed && fails(dataset.value, requirement)) addIssue(dataset, message!);
      return dataset;
    },
  });

const isObject = (value: unknown): value is Record<string, any> => !!value && typeof value === 'object';

export const string = typeSchema('string', (value) => typeof value === 'string') as unknown as typeof valibot.string;
export const number = typeSchema('number', (value) => typeof value === 'number' && !isNaN(value)) as unknown as typeof valibot.number;
export const boolean = typeSchema('boolean', (value) => typeof value === 'boolean') as unknown as typeof valibot.boolean;
export const custom = ((check: (value: unknown) => boolean, message?: string) => typeSchema('unknown', check)(message)) as unknown as typeof valibot.custom;

export const regex = validation((value: string, pattern: RegExp) => !pattern.test(value)) as unknown as typeof valibot.regex;
export const check = validation((value, requirement: (value: unknown) => boolean) => !requirement(value)) as unknown as typeof valibot.check;
export const minLength = validation((value: string | unknown[], length: number) => value.length < length) as unknown as typeof valibot.minLength;
export const integer = ((message?: string) => validation((value) => !Number.isInteger(value))(null, message)) as unknown as typeof valibot.integer;
export const minValue = validation((value: number, limit: number) => value < limit) as unknown as typeof valibot.minValue;
export const maxValue = validation((value: number, limit: number) => value > limit) as unknown as typeof valibot.maxValue;

export const rawCheck = ((action: (context: { dataset: Dataset; addIssue(info: Issue): void }) => void): Node => ({
  '~run'(dataset) {
    action({ dataset, addIssue: (info) => addIssue(dataset, info.message, info.path) });
    return dataset;
  },
})) as unknown as typeof valibot.rawCheck;

export const optional = ((wrapped: Node): Node => ({
  optional: true,
  '~run': (dataset) => (dataset.value === undefined ? ((dataset.typed = true), dataset) : wrapped['~run'](dataset)),
})) as unknown as typeof valibot.optional;

export const pipe = ((...items: Node[]): Node => ({
  '~run': (dataset) => items.reduce((current, item) => item['~run'](current), dataset),
})) as unknown as typeof valibot.pipe;

export const strictObject = ((entries: Record<string, Node>, message?: string): Node => ({
  '~run'(dataset) {
    const input = dataset.value;
    if (!isObject(input)) return typeIssue(dataset, 'Object', message);
    dataset.typed = true;
    dataset.value = {};
    for (const key in entries) {
      if (key in input) {
        const child = entries[key]['~run']({ value: input[key] });
        lift(dataset, child, key);
        dataset.value[key] = child.value;
      } else if (!entries[key].optional) {
        addIssue(dataset, 'is required', [{ key }]);
        dataset.typed = false;
      }
    }
    const unknown = Object.keys(input).find((key) => !Object.hasOwn(entries, key));
    if (unknown !== undefined) {
      addIssue(dataset, `unknown property "${unknown}"`, [{ key: unknown }]);
      dataset.typed = false;
    }
    return dataset;
  },
})) as unknown as typeof valibot.strictObject;

export const array = ((item: Node, message?: string): Node => ({
  '~run'(dataset) {
    const input = dataset.value;
    if (!Array.isArray(input)) return typeIssue(dataset, 'Array', message);
    dataset.typed = true;
    dataset.value = input.map((value, index) => {
      const child = item['~run']({ value });
      lift(dataset, child, index);
      return child.value;
    });
    return dataset;
  },
})) as unknown as typeof valibot.array;

export const record = ((key: Node, value: Node, message?: string): Node => ({
  '~run'(dataset) {
    const input = dataset.value;
    if (!isObject(input)) return typeIssue(dataset, 'Object', message);
    dataset.typed = true;
    dataset.value = {};
    // Like valibot, never a key that could reach the prototype.
    for (const entry of Object.keys(input).filter((name) => !['__proto__', 'prototype', 'constructor'].includes(name))) {
      const keyResult = key['~run']({ value: entry });
      lift(dataset, keyResult, entry);
      const valueResult = value['~run']({ value: input[entry] });
      lift(dataset, valueResult, entry);
      if (keyResult.typed) dataset.value[entry] = valueResult.value;
    }
    return dataset;
  },
})) as unknown as typeof valibot.record;

export const union = ((options: Node[], message?: string): Node => ({
  '~run'(dataset) {
    const typed: Dataset[] = [];
    const untyped: Dataset[] = [];
    for (const option of options) {
      const result = option['~run']({ value: dataset.value });
      if (result.typed && !result.issues) return result;
      (result.typed ? typed : untyped).push(result);
    }
    const only = typed.length ? typed : untyped;
    if (only.length === 1) return only[0];
    // config-schema.ts gives its union a message: what valibot would list instead never shows.
    typeIssue(dataset, 'union', message);
    dataset.typed = typed.length > 0;
    return dataset;
  },
})) as unknown as typeof valibot.union;

export const safeParse = ((schema: Node, input: unknown) => {
  const dataset = schema['~run']({ value: input });
  return { success: !dataset.issues, output: dataset.value, issues: dataset.issues };
}) as unknown as typeof valibot.safeParse;
