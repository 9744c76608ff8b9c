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
  // Scan every route at start-up so that all dependencies are pre-bundled before the first page
  // load; otherwise Vite discovers the routes' imports on first visit, re-optimises and reloads
  // the page mid-navigation.
  optimizeDeps: {
    entries: ["app/root.tsx", "app/routes/**/*.tsx"],
    include: ["@shopify/app-bridge-react", "@shopify/polaris"],
  },
});
