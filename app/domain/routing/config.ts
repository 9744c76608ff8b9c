import { z } from "zod";
import { ruleRegistry } from "./registry";

/** One rule as the admin stores it: plain data, discriminated by `type` (generated from the rule registry). */
export const ruleConfigSchema = ruleRegistry.schema;
export type RuleConfig = z.output<typeof ruleConfigSchema>;
export type RuleConfigInput = z.input<typeof ruleConfigSchema>;
export type RuleType = RuleConfig["type"];

export const searchLimitsSchema = z.object({
  /** Location sets the search may visit per order before it returns the best plan found. */
  maxNodes: z.number().int().positive().default(200_000),
  /** Wall-clock budget per order (ms); omitted = no clock, the search stops only at maxNodes. */
  timeBudgetMs: z.number().positive().optional(),
});

/**
 * A routing configuration: the ordered rule list (filters and rankings may be interleaved; each
 * ranking passes its ties to the next), whether a line's quantity may be split across locations,
 * and the search limits.
 */
export const routingConfigSchema = z.object({
  name: z.string().min(1).default("custom"),
  allowSplitLines: z.boolean().default(true),
  rules: z.array(ruleConfigSchema),
  search: searchLimitsSchema.default({ maxNodes: 200_000 }),
});
export type RoutingConfig = z.output<typeof routingConfigSchema>;
export type RoutingConfigInput = z.input<typeof routingConfigSchema>;

export type ParseResult = { status: "success"; config: RoutingConfig } | { status: "error"; errors: string[] };

/** Validates a stored or submitted configuration; errors are human-readable, one per problem. */
export function parseRoutingConfig(raw: unknown): ParseResult {
  const parsed = routingConfigSchema.safeParse(raw);
  if (parsed.success) return { status: "success", config: parsed.data };
  return {
    status: "error",
    errors: parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(config)"}: ${issue.message}`),
  };
}

/** Whether the rules read product tags or types (the order is then read with its products). */
export function rulesReadProducts(config: RoutingConfigInput): boolean {
  return ruleRegistry.readsProducts(config.rules);
}
