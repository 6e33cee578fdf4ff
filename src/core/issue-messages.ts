/**
 * valibot's issues in the words `parseConfig` reports them: "is required", "must be
 * string, not 5", "unknown property "x"", or the schema's own message. valibot calls this
 * for every issue the schema gives no message of its own.
 *
 * The drop-in runs valibot-lite, which writes these very messages itself; its build puts
 * an empty module in this one's place (rollup.config.mjs), so the page carries no second
 * copy of them.
 */
import type * as v from 'valibot';

function describeIssue(issue: v.BaseIssue<unknown>): string {
  // valibot says "Invalid key: Expected never but received "x"" for a misspelt property.
  if (issue.type === 'strict_object' && issue.expected === 'never') return `unknown property ${issue.received}`;
  return issue.received === 'undefined' ? 'is required' : `must be ${issue.expected}, not ${issue.received}`;
}

/** The `config` argument of `v.safeParse`; undefined in the drop-in. */
export const issueMessages: v.Config<v.BaseIssue<unknown>> | undefined = { message: describeIssue };
