// The door's service worker (served at /checkin/sw.js, controls /checkin only). Network first, always: online,
// the door works as without it. When the network is gone, the door's page (for its day and door) and the
// portal's files come from the copy the page kept (static/js/checkin.js), so a reload still opens the door.
// It never keeps a form's answer, nor any other page.
'use strict';
var CACHE = 'sdn-door';

self.addEventListener('install', function () { self.skipWaiting(); });
self.addEventListener('activate', function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener('fetch', function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) { return; }
  var page = url.pathname === '/checkin';
  if (!page && url.pathname.indexOf('/assets/') !== 0) { return; }
  // the door's page is kept under its day and door alone (a search or a form's id is not worth a copy)
  var kept = page ? '/checkin?' + new URLSearchParams({ day: url.searchParams.get('day') || '',
    door: url.searchParams.get('door') || '' }) : request;
  event.respondWith(fetch(request).catch(function () {
    return caches.open(CACHE).then(function (cache) { return cache.match(kept); }).then(function (copy) {
      return copy || Response.error();
    });
  }));
});
