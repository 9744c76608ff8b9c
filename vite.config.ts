import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

const port = Number(process.env.PORT ?? 3000);

export default defineConfig({
  server: {
    host: "127.0.0.1",
    port,
    strictPort: true,
    hmr: process.env.CI ? false : { protocol: "ws", host: "localhost", port: port + 1 },
  },
  plugins: [
    remix({
      ignoredRouteFiles: ["**/.*", "**/*.spec.ts"],
      // Tests build into a scratch folder so they never clobber a developer's build/.
      ...(process.env.CROSSDOCK_BUILD_DIR ? { buildDirectory: process.env.CROSSDOCK_BUILD_DIR } : {}),
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_lazyRouteDiscovery: true,
        v3_singleFetch: true,
        v3_routeConfig: false,
      },
    }),
    tsconfigPaths(),
  ],
  build: { assetsInlineLimit: 0, target: "es2022" },
  // The client's dependencies, pre-bundled at start-up. Discovery is off: Vite's scanner would
  // otherwise find the server-only imports of route modules on the first page load, re-optimise
  // and reload the page mid-navigation.
  optimizeDeps: {
    noDiscovery: true,
    include: [
      "react",
      "react/jsx-runtime",
      "react/jsx-dev-runtime",
      "react-dom",
      "react-dom/client",
      "@remix-run/react",
      "@shopify/polaris",
      "@shopify/app-bridge-react",
      "@shopify/shopify-app-remix/react",
    ],
  },
});
