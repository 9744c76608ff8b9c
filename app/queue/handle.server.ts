// The process's job driver: the one handle through which services enqueue work. It is installed at
// start by the code that builds drivers (app/jobs/runtime.server.ts, called from app/entry.server.tsx,
// which both the web process and `npm run worker` load), so the services that enqueue depend on this
// handle only, never on the processors behind it. The handle lives on globalThis: Vite's module
// reloads in development must not start a second in-process driver.
import type { JobDriver } from "./driver";

type DriverFactory = () => JobDriver | Promise<JobDriver>;

const slot = globalThis as typeof globalThis & {
  __crossdockJobDriver?: Promise<JobDriver>;
  __crossdockJobDriverFactory?: DriverFactory;
};

/** Installs how this process builds its driver; the driver itself is built on first use. */
export function installJobDriverFactory(factory: DriverFactory): void {
  slot.__crossdockJobDriverFactory = factory;
}

/** This process's driver (built, and for the in-process driver started, on first use). */
export function jobDriver(): Promise<JobDriver> {
  const factory = slot.__crossdockJobDriverFactory;
  if (!slot.__crossdockJobDriver) {
    if (!factory) {
      return Promise.reject(new Error("No job driver is installed: the process's start-up installs one (app/jobs/runtime.server.ts)."));
    }
    const building = Promise.resolve().then(factory);
    // A failed build is not kept: the next use tries again.
    building.catch(() => {
      if (slot.__crossdockJobDriver === building) slot.__crossdockJobDriver = undefined;
    });
    slot.__crossdockJobDriver = building;
  }
  return slot.__crossdockJobDriver;
}

/** Replaces the process's driver (tests; a host that builds its own); undefined goes back to the factory. */
export function installJobDriver(driver: JobDriver | undefined): void {
  slot.__crossdockJobDriver = driver ? Promise.resolve(driver) : undefined;
}
