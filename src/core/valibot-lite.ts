/**
 * The valibot functions that the config schema (config-schema.ts) is written with, as
 * small as the drop-in needs them. The drop-in build puts this module in valibot's place
 * (rollup.config.mjs), so the page runs the very definition that gives the TypeScript
 * types, the published JSON Schema and `consent-banner-check` — with about a third of
 * valibot's bytes. Everything else (the npm build, the check CLI, the tests) uses valibot.
 *
 * It follows valibot's rules where config.ts can tell: which issues are raised, their
 * messages, `expected`/`received`, and their paths; test/e2e/valibot-lite.test.mjs
 * proves it against valibot on valid, broken and randomly changed configs. Not covered:
 * anything config-schema.ts does not use (defaults, fallbacks, async, abortEarly).
 */
import type * as valibot from 'valibot';

/* eslint-disable @typescript-eslint/no-explicit-any -- it mirrors valibot's untyped run protocol */
interface Issue {
  type: string;
  expected: string | null;
  received: string;
  message: string;
  path?: { key: unknown }[];
}
interface Dataset {
  typed?: boolean;
  value: any;
  issues?: Issue[];
}
interface Node {
  kind: string;
  type: string;
  expects?: string | null;
  message?: string;
  '~run'(dataset: Dataset): Dataset;
  [key: string]: any;
}

/** How valibot names a received value: `"text"`, `5`, `Object`, `null`, `undefined`. */
function stringify(input: unknown): string {
  const type = typeof input;
  if (type === 'string') return `"${input}"`;
  if (type === 'number' || type === 'bigint' || type === 'boolean') return `${input}`;
  if (type === 'object' || type === 'function') return (input && Object.getPrototypeOf(input)?.constructor?.name) ?? 'null';
  return type;
}

function addIssue(context: Node, label: string, dataset: Dataset, other?: { input?: unknown; expected?: string; path?: { key: unknown }[]; message?: string }): void {
  const input = other && 'input' in other ? other.input : dataset.value;
  const expected = other?.expected ?? context.expects ?? null;
  const received = stringify(input);
  (dataset.issues ??= []).push({
    type: context.type,
    expected,
    received,
    message: other?.message ?? context.message ?? `Invalid ${label}: ${expected ? `Expected ${expected} but r` : 'R'}eceived ${received}`,
    path: other?.path,
  });
  if (context.kind === 'schema') dataset.typed = false;
}

/** Adds a child's issues to its parent's, under the child's key. */
function lift(dataset: Dataset, child: Dataset, key: unknown): void {
  for (const issue of child.issues ?? []) (issue.path ??= []).unshift({ key });
  if (child.issues) (dataset.issues ??= []).push(...child.issues);
}

const typeSchema =
  (type: string, expects: string, test: (value: unknown) => boolean) =>
  (message?: string): Node => ({
    kind: 'schema',
    type,
    expects,
    message,
    '~run'(dataset) {
      if (test(dataset.value)) dataset.typed = true;
      else addIssue(this, 'type', dataset);
      return dataset;
    },
  });

/** A check on a value of the right type; config-schema.ts gives each its message. */
const validation =
  (fails: (value: any, requirement: any) => boolean) =>
  (requirement: unknown, message?: string): Node => ({
    kind: 'validation',
    type: '',
    message,
    '~run'(dataset) {
      if (dataset.typed && fails(dataset.value, requirement)) addIssue(this, 'input', dataset);
      return dataset;
    },
  });

const isObject = (value: unknown): value is Record<string, any> => !!value && typeof value === 'object';

export const string = typeSchema('string', 'string', (value) => typeof value === 'string') as unknown as typeof valibot.string;
export const number = typeSchema('number', 'number', (value) => typeof value === 'number' && !isNaN(value)) as unknown as typeof valibot.number;
export const boolean = typeSchema('boolean', 'boolean', (value) => typeof value === 'boolean') as unknown as typeof valibot.boolean;
export const custom = ((check: (value: unknown) => boolean, message?: string) => ({ ...typeSchema('custom', 'unknown', check)(message) })) as unknown as typeof valibot.custom;

export const regex = validation((value: string, pattern: RegExp) => !pattern.test(value)) as unknown as typeof valibot.regex;
export const check = validation((value, requirement: (value: unknown) => boolean) => !requirement(value)) as unknown as typeof valibot.check;
export const minLength = validation((value: string | unknown[], length: number) => value.length < length) as unknown as typeof valibot.minLength;
export const integer = ((message?: string) => validation((value) => !Number.isInteger(value))(null, message)) as unknown as typeof valibot.integer;
export const minValue = validation((value: number, limit: number) => value < limit) as unknown as typeof valibot.minValue;
export const maxValue = validation((value: number, limit: number) => value > limit) as unknown as typeof valibot.maxValue;

export const rawCheck = ((action: (context: { dataset: Dataset; addIssue(info: { message: string; path: { key: unknown }[] }): void }) => void) => ({
  kind: 'validation',
  type: 'raw_check',
  '~run'(dataset: Dataset) {
    action({ dataset, addIssue: (info) => addIssue(this as Node, 'input', dataset, info) });
    return dataset;
  },
})) as unknown as typeof valibot.rawCheck;

export const optional = ((wrapped: Node): Node => ({
  kind: 'schema',
  type: 'optional',
  expects: `(${wrapped.expects} | undefined)`,
  '~run'(dataset) {
    if (dataset.value !== undefined) return wrapped['~run'](dataset);
    dataset.typed = true;
    return dataset;
  },
})) as unknown as typeof valibot.optional;

export const pipe = ((...items: Node[]): Node => ({
  ...items[0],
  '~run'(dataset) {
    for (const item of items) {
      if (dataset.issues && item.kind === 'schema') {
        dataset.typed = false;
        break;
      }
      dataset = item['~run'](dataset);
    }
    return dataset;
  },
})) as unknown as typeof valibot.pipe;

export const strictObject = ((entries: Record<string, Node>, message?: string): Node => ({
  kind: 'schema',
  type: 'strict_object',
  expects: 'Object',
  message,
  '~run'(dataset) {
    const input = dataset.value;
    if (!isObject(input)) {
      addIssue(this, 'type', dataset);
      return dataset;
    }
    dataset.typed = true;
    dataset.value = {};
    for (const key in entries) {
      if (key in input) {
        const child = entries[key]['~run']({ value: input[key] });
        lift(dataset, child, key);
        if (!child.typed) dataset.typed = false;
        dataset.value[key] = child.value;
      } else if (entries[key].type !== 'optional') {
        addIssue(this, 'key', dataset, { input: undefined, expected: `"${key}"`, path: [{ key }] });
      }
    }
    const unknown = Object.keys(input).find((key) => !Object.hasOwn(entries, key));
    if (unknown !== undefined) addIssue(this, 'key', dataset, { input: unknown, expected: 'never', path: [{ key: unknown }] });
    return dataset;
  },
})) as unknown as typeof valibot.strictObject;

export const array = ((item: Node, message?: string): Node => ({
  kind: 'schema',
  type: 'array',
  expects: 'Array',
  message,
  '~run'(dataset) {
    const input = dataset.value;
    if (!Array.isArray(input)) {
      addIssue(this, 'type', dataset);
      return dataset;
    }
    dataset.typed = true;
    dataset.value = input.map((value, index) => {
      const child = item['~run']({ value });
      lift(dataset, child, index);
      if (!child.typed) dataset.typed = false;
      return child.value;
    });
    return dataset;
  },
})) as unknown as typeof valibot.array;

export const record = ((key: Node, value: Node, message?: string): Node => ({
  kind: 'schema',
  type: 'record',
  expects: 'Object',
  message,
  '~run'(dataset) {
    const input = dataset.value;
    if (!isObject(input)) {
      addIssue(this, 'type', dataset);
      return dataset;
    }
    dataset.typed = true;
    dataset.value = {};
    // Like valibot, never a key that could reach the prototype.
    for (const entry of Object.keys(input).filter((name) => !['__proto__', 'prototype', 'constructor'].includes(name))) {
      const keyResult = key['~run']({ value: entry });
      lift(dataset, keyResult, entry);
      const valueResult = value['~run']({ value: input[entry] });
      lift(dataset, valueResult, entry);
      if (!keyResult.typed || !valueResult.typed) dataset.typed = false;
      if (keyResult.typed) dataset.value[entry] = valueResult.value;
    }
    return dataset;
  },
})) as unknown as typeof valibot.record;

export const union = ((options: Node[], message?: string): Node => ({
  kind: 'schema',
  type: 'union',
  // What valibot would list here shows only in a message of its own, and config-schema.ts gives the union one.
  expects: 'union',
  message,
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
    addIssue(this, 'type', dataset);
    if (typed.length) dataset.typed = true;
    return dataset;
  },
})) as unknown as typeof valibot.union;

export const safeParse = ((schema: Node, input: unknown) => {
  const dataset = schema['~run']({ value: input });
  return { typed: dataset.typed, success: !dataset.issues, output: dataset.value, issues: dataset.issues };
}) as unknown as typeof valibot.safeParse;
