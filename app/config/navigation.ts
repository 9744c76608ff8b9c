/** The admin's areas, in the order merchants see them (embedded NavMenu and the demo's sidebar). */
export const adminNavigation = [
  { label: "Routing", url: "/app/routing" },
  { label: "Returns", url: "/app/returns" },
  { label: "Locations", url: "/app/locations" },
  { label: "Inventory", url: "/app/inventory" },
  { label: "Emails", url: "/app/emails" },
  { label: "Activity", url: "/app/activity" },
  { label: "Settings", url: "/app/settings" },
] as const;
