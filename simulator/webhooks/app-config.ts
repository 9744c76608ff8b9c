/**
 * Where webhooks go: the app's shopify.app.toml (`[webhooks] api_version`, `[[webhooks.subscriptions]]`
 * with `topics`, `compliance_topics` and `uri`), read with smol-toml.
 */
import { existsSync, readFileSync } from "node:fs";
import { parse } from "smol-toml";

export interface WebhookSubscription {
  topic: string;
  /** Absolute, or a path joined to the app URL. */
  uri: string;
}

export interface WebhookAppConfig {
  apiVersion: string;
  subscriptions: WebhookSubscription[];
  /** `[access_scopes] scopes`: what the simulator grants on OAuth. */
  scopes?: string;
}

export function parseAppToml(text: string, fallbackApiVersion: string): WebhookAppConfig {
  const toml = parse(text) as {
    access_scopes?: { scopes?: string };
    webhooks?: {
      api_version?: string;
      subscriptions?: { topics?: string[]; compliance_topics?: string[]; uri?: string }[];
    };
  };
  const subscriptions: WebhookSubscription[] = [];
  for (const block of toml.webhooks?.subscriptions ?? []) {
    if (!block.uri) continue;
    for (const topic of [...(block.topics ?? []), ...(block.compliance_topics ?? [])]) {
      subscriptions.push({ topic: topic.toLowerCase(), uri: block.uri });
    }
  }
  const config: WebhookAppConfig = { apiVersion: toml.webhooks?.api_version ?? fallbackApiVersion, subscriptions };
  if (toml.access_scopes?.scopes) config.scopes = toml.access_scopes.scopes;
  return config;
}

/** Reads the toml when present; an app without one gets no webhooks. */
export function loadAppConfig(path: string, fallbackApiVersion: string): WebhookAppConfig {
  if (!existsSync(path)) return { apiVersion: fallbackApiVersion, subscriptions: [] };
  return parseAppToml(readFileSync(path, "utf8"), fallbackApiVersion);
}

export function webhookUrl(appUrl: string, uri: string): string {
  if (/^https?:\/\//.test(uri)) return uri;
  return new URL(uri, appUrl.endsWith("/") ? appUrl : `${appUrl}/`).toString();
}
