"use strict";
// Fob's service worker: keeps the app shell cached so that Fob opens and shows codes with no network.
// The server fills in the version and the list of files when it serves this script; a new deployment changes
// both, so the browser installs the new worker, which caches the new files and removes the old ones.
const VERSION = "%FOB_VERSION%";
const ASSETS = %FOB_ASSETS%;
const CACHE = "fob-" + VERSION;
const NAVIGATION_TIMEOUT_MS = 4000;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((url) => new Request(url, {cache: "reload"}))))
      .then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith("fob-") && key !== CACHE)
          .map((key) => caches.delete(key))))
      .then(() => self.clients.claim()));
});

function withTimeout(promise, millis) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), millis);
    promise.then((value) => { clearTimeout(timer); resolve(value); },
        (error) => { clearTimeout(timer); reject(error); });
  });
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/api/")) {
    return;
  }
  if (request.mode === "navigate") {
    // The newest page when the server answers; this version's page when it does not. Every navigation falls back
    // to the one cached page, whatever its path or query: so the manifest's start_url, where the installed app
    // opens, opens offline too (OfflineAndUpdateTest, WebKitTest, FirefoxTest).
    event.respondWith(withTimeout(fetch(request), NAVIGATION_TIMEOUT_MS)
        .catch(() => caches.open(CACHE).then((cache) => cache.match("/")))
        .then((response) => response || Response.error()));
    return;
  }
  if (url.pathname.startsWith("/v/")) {
    // Versioned files never change: the cache answers, the network only for what it lacks. The icon set's shards are
    // not fetched at install (the set is large); each is kept once a page asked for it, so it also works offline.
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request).then((response) => {
      if (response.ok && url.pathname.startsWith("/v/" + VERSION + "/icons/set/")) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(request, copy));
      }
      return response;
    })));
  }
});
