/**
 * The admin's areas, in the order merchants see them (embedded NavMenu and the demo's sidebar).
 * `key`: the label's key in app/locales/<lng>/navigation.json (the staff member's language).
 */
export const adminNavigation = [
  { label: "Routing", key: "routing", url: "/app/routing" },
  { label: "Needs attention", key: "attention", url: "/app/routing/attention" },
  { label: "Returns", key: "returns", url: "/app/returns" },
  { label: "Locations", key: "locations", url: "/app/locations" },
  { label: "Inventory", key: "inventory", url: "/app/inventory" },
  { label: "Emails", key: "emails", url: "/app/emails" },
  { label: "Activity", key: "activity", url: "/app/activity" },
  { label: "Settings", key: "settings", url: "/app/settings" },
] as const;
