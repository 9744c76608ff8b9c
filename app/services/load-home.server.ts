import { listLocations } from "~/models/locations.server";
import { setupStatus } from "~/models/reporting.server";
import type { Shop } from "~/models/shops.server";

export interface SetupStep {
  key: "locations" | "stores" | "routing-rules" | "first-routed-order" | "return-policy";
  title: string;
  description: string;
  done: boolean;
  action: { label: string; url: string };
}

export interface HomeSummary {
  shopName: string;
  locations: number;
  activeLocations: number;
  pickupLocations: number;
  countries: string[];
  autoRouting: boolean;
  setup: SetupStep[];
}

/** The admin home's header: the shop's locations and what is left to set up. */
export async function loadHome(shop: Shop): Promise<HomeSummary> {
  const [locations, status] = await Promise.all([listLocations(shop), setupStatus(shop)]);
  const active = locations.filter((l) => l.isActive);
  const setup: SetupStep[] = [
    {
      key: "locations",
      title: "Locations read from Shopify",
      description: "Crossdock reads your locations from Shopify: addresses, coordinates and local pickup settings.",
      done: status.activeLocations > 0,
      action: { label: "Review locations", url: "/app/locations" },
    },
    {
      key: "stores",
      title: "Stores marked",
      description: "Mark the locations that are shops (kind Store) so the dashboard can show how much of your online demand they ship.",
      done: status.stores > 0,
      action: { label: "Set location kinds", url: "/app/locations" },
    },
    {
      key: "routing-rules",
      title: "Routing rules chosen",
      description: "Choose how orders are split between your locations; until then the default rule set applies.",
      done: status.routingRulesSaved,
      action: { label: "Open routing rules", url: "/app/routing" },
    },
    {
      key: "first-routed-order",
      title: "First order routed",
      description: status.autoRouting
        ? "New orders are routed as they arrive; routing figures appear here after the first one."
        : "Auto-routing is off: plans wait for you in the routing log until you apply them.",
      done: status.ordersRouted > 0,
      action: { label: status.autoRouting ? "Open the routing log" : "Turn on auto-routing", url: status.autoRouting ? "/app/routing/log" : "/app/routing" },
    },
    {
      key: "return-policy",
      title: "Return policy set",
      description: "Set the return window, fees and drop-off stores; shoppers then request returns from the customer portal.",
      done: status.returnPolicySaved,
      action: { label: "Set the return policy", url: "/app/settings/returns" },
    },
  ];
  return {
    shopName: shop.name,
    locations: locations.length,
    activeLocations: active.length,
    pickupLocations: active.filter((l) => l.pickupEnabled).length,
    countries: [...new Set(active.map((l) => l.countryCode).filter((c): c is string => Boolean(c)))].sort(),
    autoRouting: status.autoRouting,
    setup,
  };
}
