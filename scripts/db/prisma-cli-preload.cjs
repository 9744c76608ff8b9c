// Preloaded (`node --require`) into the Prisma CLI child process by scripts/db/migrate.ts.
//
// The WebAssembly schema engine arms 10 s / 60 s timers (timeouts raced against its own work) and
// never clears them, so the CLI sits idle for up to a minute after it has finished. A timer does not
// need to keep the process alive: unref the long ones. Real work in progress (a query on a socket,
// a pending child process) still keeps the event loop alive.
"use strict";
const LONG_MS = 5000;
const originalSetTimeout = global.setTimeout;
const originalSetInterval = global.setInterval;
function unrefIfLong(timer, ms) {
  if (Number(ms) >= LONG_MS && timer && typeof timer.unref === "function") timer.unref();
  return timer;
}
global.setTimeout = Object.assign(function setTimeout(fn, ms, ...args) {
  return unrefIfLong(originalSetTimeout.call(this, fn, ms, ...args), ms);
}, originalSetTimeout);
global.setInterval = Object.assign(function setInterval(fn, ms, ...args) {
  return unrefIfLong(originalSetInterval.call(this, fn, ms, ...args), ms);
}, originalSetInterval);
