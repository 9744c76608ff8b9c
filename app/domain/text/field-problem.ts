/**
 * What is wrong with one typed value, as data a page turns into words ("Units kept back: enter 0 or
 * more"), never zod's own message ("Too small: expected number to be >=0") nor its path
 * ("rules.3.rule.units"). Pure: the page names the field and says the problem in the staff member's
 * language (app/locales/<lng>/admin-words.json, `problems.*`).
 */
export type FieldProblem =
  | { code: "required" }
  | { code: "number" }
  | { code: "wholeNumber" }
  | { code: "atLeast"; limit: number }
  | { code: "atMost"; limit: number }
  | { code: "tooLong"; limit: number }
  | { code: "tooMany"; limit: number }
  | { code: "choose" }
  | { code: "invalid" };

/** The shape of a zod (v4) issue this reads; other fields are ignored. */
export interface ValidationIssue {
  code: string;
  origin?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  received?: string;
}

export function fieldProblem(issue: ValidationIssue): FieldProblem {
  const limit = (n: number | bigint | undefined, inclusive: boolean | undefined, step: 1 | -1) => Number(n ?? 0) + (inclusive === false ? step : 0);
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum ?? 1) <= 1 ? { code: "required" } : { code: "atLeast", limit: Number(issue.minimum) };
      if (issue.origin === "array" || issue.origin === "set") return { code: "choose" };
      return { code: "atLeast", limit: limit(issue.minimum, issue.inclusive, 1) };
    case "too_big":
      if (issue.origin === "string") return { code: "tooLong", limit: Number(issue.maximum ?? 0) };
      if (issue.origin === "array" || issue.origin === "set") return { code: "tooMany", limit: Number(issue.maximum ?? 0) };
      return { code: "atMost", limit: limit(issue.maximum, issue.inclusive, -1) };
    case "invalid_type":
      if (issue.expected === "int") return { code: "wholeNumber" };
      if (issue.expected === "number" || issue.received === "NaN") return { code: "number" };
      if (issue.received === "undefined") return { code: "required" };
      return { code: "invalid" };
    case "not_multiple_of":
      return { code: "wholeNumber" };
    case "invalid_value":
    case "invalid_union":
    case "invalid_enum_value":
      return { code: "choose" };
    default:
      return { code: "invalid" };
  }
}
