/*
 * Keeps the app working with no network: the app's files from the cache, each run's page from the
 * network when there is one and else from the copy the page stored. API calls are never cached:
 * the app queues its changes itself.
 */
"use strict";

const APP = "rundun-app-v2";
const FILES = ["/app/conditions.js", "/app/app.js", "/app/app.css", "/app/manifest.webmanifest", "/app/icon-192.png", "/app/icon-512.png"];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(APP).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  // An older version's files would still match requests for the app's files: drop them.
  const stale = (name) => name.startsWith("rundun-app-") && name !== APP;
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter(stale).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== location.origin) return;
  if (url.pathname.startsWith("/r/")) {
    event.respondWith(
      fetch(event.request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            caches.open("rundun-pages").then((cache) => cache.put(event.request, copy));
          }
          return response;
        })
        .catch(() => caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || Response.error())),
    );
  } else if (url.pathname.startsWith("/app/")) {
    event.respondWith(caches.match(event.request).then((hit) => hit || fetch(event.request)));
  }
});
