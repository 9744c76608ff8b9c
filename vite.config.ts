import { vitePlugin as remix } from "@remix-run/dev";
import { realpathSync } from "node:fs";
import { defineConfig, searchForWorkspaceRoot } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";
import { routeMounts } from "./app/route-mounts";

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
    // A node_modules that is a link to another checkout's (a git worktree sharing one install) lies
    // outside the project's root, and Vite refuses to serve files from there (403: the admin's client
    // entry never loads, nothing hydrates): allow its real location too.
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), realpathSync("node_modules")] },
  },
  plugins: [
    {
      // The dev server's counterpart of scripts/serve.ts's stampPeerAddress: the socket address,
      // for per-client limits (app/http/client-address.server.ts).
      name: "crossdock-peer-address",
      configureServer(server) {
        server.middlewares.use((req, _res, next) => {
          req.headers["x-crossdock-peer-address"] = req.socket.remoteAddress ?? "";
          next();
        });
      },
    },
    remix({
      ignoredRouteFiles: ["**/.*", "**/*.spec.ts"],
      // Besides app/routes/: the webhook route at every subscription's uri and the portal pages'
      // app proxy mounts (one module, several paths; app/route-mounts.ts).
      routes: (defineRoutes) =>
        defineRoutes((route) => {
          for (const mount of routeMounts(import.meta.dirname)) route(mount.path, mount.file, { id: mount.id, ...(mount.index ? { index: true } : {}) });
        }),
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
