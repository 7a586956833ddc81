// The door's storage on the device (IndexedDB 'sdn-door': the day's lists, and the check-ins and walk-ins waiting to
// be sent), shared by the door's page (checkin.js) and every signed-in page (portal.js): whichever page the staff
// member signs out from, what waits is sent first and the lists leave the phone. Loaded once, in the layout's head,
// for door staff and organizers only: before checkin.js, which uses it.
(function () {
  'use strict';
  if (window.sdnDoorQueue || !window.indexedDB || !window.fetch || !window.Promise) { return; }

  var API = '/api/registrations/attendance';
  var BATCH = 200;
  var WALK_INS = 50;

  function request(r) {
    return new Promise(function (resolve, reject) {
      r.onsuccess = function () { resolve(r.result); };
      r.onerror = function () { reject(r.error); };
    });
  }
  function open() {
    var opening = indexedDB.open('sdn-door', 1);
    opening.onupgradeneeded = function () {
      opening.result.createObjectStore('lists', { keyPath: 'day' });
      opening.result.createObjectStore('queue', { keyPath: 'checkInId' });
    };
    return request(opening);
  }
  function waiting(db) { return request(db.transaction('queue').objectStore('queue').getAll()); }
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  /**
   * Sends what waits, in batches as the service takes them; each batch sent is taken off the queue, and its report
   * handed to onReport(checkIns, walkIns, report). Resolves to 'sent', 'signIn' (the session is gone), 'failed' (kept,
   * tried again later) or 'unreachable'.
   */
  function upload(db, onReport) {
    return waiting(db).then(function (items) {
      if (!items.length) { return 'sent'; }
      var batch = [];
      var checkIns = [];
      var walkIns = [];
      items.forEach(function (item) {
        if (item.walkIn ? walkIns.length >= WALK_INS : checkIns.length >= BATCH) { return; }
        batch.push(item);
        if (item.walkIn) { walkIns.push(item.walkIn); } else { checkIns.push(item); }
      });
      return fetch(API + '/offline-check-ins', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() },
        body: JSON.stringify({ checkIns: checkIns, walkIns: walkIns })
      }).then(function (response) {
        if (response.status === 401 || response.status === 403) { return 'signIn'; }
        if (!response.ok) { return 'failed'; }
        return response.json().then(function (report) {
          if (onReport) { onReport(checkIns, walkIns, report); }
          var queue = db.transaction('queue', 'readwrite').objectStore('queue');
          batch.forEach(function (item) { queue.delete(item.checkInId); });
          return request(queue.count()).then(function (left) { return left ? upload(db, onReport) : 'sent'; });
        });
      }, function () { return 'unreachable'; });
    });
  }

  /**
   * Signing out: what waits is sent (when the network is there), then the day's lists and the kept page leave the
   * device. What is still not sent is never wiped silently: confirmQueued(count) decides whether to sign out anyway
   * (it stays on the phone and leaves with the next upload). Resolves true to go on signing out, false to stay.
   */
  function leave(confirmQueued) {
    return open().then(function (db) {
      return (navigator.onLine ? upload(db) : Promise.resolve()).then(function () { return waiting(db); })
        .then(function (items) {
          if (items.length && !confirmQueued(items.length)) { return false; }
          // the kept page goes too (it names the signed-in person); what is still queued stays, as warned
          if (window.caches) { caches.delete('sdn-door'); }
          return request(db.transaction('lists', 'readwrite').objectStore('lists').clear()).then(function () {
            db.close();
            return true;
          });
        });
    });
  }

  window.sdnDoorQueue = { open: open, request: request, waiting: waiting, upload: upload, leave: leave };
}());
