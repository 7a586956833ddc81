// The door offline (/checkin). Progressive enhancement: without it every step is a plain form sent to the
// server. With it, the day's list is kept on the device (IndexedDB) while the network is there; when it is
// gone, codes typed or scanned and names searched are checked against that list, the check-ins are kept on
// the device with their time and door, and sent as one batch when the network is back. The service decides
// what counts (one check-in per person and day, the earliest), so sending twice is harmless. A walk-in is
// registered here too, online or not: the list brings badge codes set aside for this device, one is given to
// the person (written on a paper badge), and the service registers them once when the batch arrives (online with
// no such code, the walk-in form goes to the server like the page without this script).
// At sign-out, from this page or any other (door-queue.js), check-ins not sent yet are sent first, or kept after a
// warning, and the day's lists leave the device.
(function () {
  'use strict';
  var root = document.getElementById('offline-door');
  var shared = window.sdnDoorQueue; // door-queue.js: the storage, the uploads and the sign-out wipe
  if (!root || !shared || !window.Intl) { return; }

  var API = '/api/registrations/attendance';
  var day = root.getAttribute('data-day');
  var door = root.getAttribute('data-door');
  var lang = root.getAttribute('data-lang') || 'fr';
  var byCodeForm = document.getElementById('by-code');
  var searchForm = document.getElementById('search');
  var walkInForm = document.getElementById('offline-walkin');

  // ---- words, times and countries in the page's language ----
  var words = {};
  Array.prototype.forEach.call(document.querySelectorAll('#offline-words li'), function (li) {
    words[li.getAttribute('data-key')] = li.textContent;
  });
  function say(key) {
    var args = Array.prototype.slice.call(arguments, 1);
    return (words[key] || key).replace(/\{(\d)\}/g, function (all, i) { return args[i] !== undefined ? String(args[i]) : all; });
  }
  var clock = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Africa/Bamako' });
  function time(iso) { return clock.format(new Date(iso)); }
  var regions = Intl.DisplayNames ? new Intl.DisplayNames([lang], { type: 'region' }) : null;
  function country(code) {
    try { return code && regions ? regions.of(code) : (code || ''); } catch (e) { return code || ''; }
  }
  function details(person) {
    return person.organization ? person.organization + ' · ' + country(person.country) : country(person.country);
  }
  function byId(id) { return document.getElementById(id); }

  // ---- storage: the day's lists (by day) and the check-ins waiting to be sent (by their id) ----
  var db;
  var request = shared.request;
  function store(name, mode) { return db.transaction(name, mode || 'readonly').objectStore(name); }
  function waiting() { return shared.waiting(db); }

  // ---- the list in memory ----
  var list = null;
  var index = {};
  var queued = 0;
  function key(code) { return String(code || '').toUpperCase().replace(/[^A-Z0-9]/g, ''); }
  function useList(stored) {
    list = stored || null;
    index = {};
    (list ? list.attendees : []).forEach(function (a) { index[key(a.badgeCode)] = a; });
  }
  // the device's own id, so the service sets badge codes aside for this phone and no other
  var device = (function () {
    try {
      var id = localStorage.getItem('sdn-door-device');
      if (!id) { id = newId(); localStorage.setItem('sdn-door-device', id); }
      return id;
    } catch (e) { return null; } // no storage: no walk-ins from this device, check-ins still work
  }());

  // ---- network state: the browser's, and whether our last request got through ----
  var reachable = navigator.onLine;
  function offline() { return !navigator.onLine || !reachable; }
  function render() {
    byId('offline-state').textContent = say(offline() ? 'offline' : 'online');
    byId('offline-list').textContent = list ? say('list', list.attendees.length, time(list.madeAt)) : say('noList');
    byId('offline-queue').textContent = queued ? say('queue', queued) : say('queueEmpty');
    byId('offline-send').hidden = !(queued && !offline());
    var codes = list && list.walkInCodes;
    // online without a code of this device's, the form goes to the server (which gives one); offline it needs one
    walkInForm.hidden = !codes && offline();
    byId('walkInLeft').textContent = codes && codes.length ? say('walkInLeft', codes.length) : offline() ? say('walkInNone') : '';
  }
  function countWaiting() {
    return waiting().then(function (items) { queued = items.length; render(); return items; });
  }
  function note(text) {
    var sent = byId('offline-sent');
    sent.textContent = text;
    sent.hidden = false;
  }

  // ---- download the day's list; the check-ins still waiting here are not in it yet ----
  function download() {
    var url = API + '/days/' + day + '/door-list' + (device ? '?device=' + encodeURIComponent(device) : '');
    return fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        reachable = true;
        if (response.status === 401) { note(say('signIn')); return null; }
        if (!response.ok) { note(say('listFailed')); return null; }
        return response.json().then(function (fresh) {
          return waiting().then(function (items) {
            var freshIndex = {};
            fresh.attendees.forEach(function (a) { freshIndex[key(a.badgeCode)] = a; });
            var given = {};
            items.forEach(function (item) {
              var w = item.walkIn;
              if (w) { // registered here, not sent yet: in the list, and their code not offered again
                given[w.badgeCode] = true;
                if (w.day === day && !freshIndex[key(w.badgeCode)]) { fresh.attendees.push(walkInAttendee(w)); }
                return;
              }
              var a = item.day === day && freshIndex[key(item.badgeCode)];
              if (a && !a.checkedInAt) { a.checkedInAt = item.takenAt; a.door = item.door; }
            });
            if (fresh.walkInCodes) { fresh.walkInCodes = fresh.walkInCodes.filter(function (c) { return !given[c]; }); }
            return request(store('lists', 'readwrite').put(fresh)).then(function () { useList(fresh); });
          });
        });
      }, function () { reachable = false; })
      .then(render);
  }

  // ---- send what is waiting, in batches; each line's outcome updates the list ----
  var sending = null;
  function send() {
    if (sending) { return sending; }
    var totals = [0, 0, 0, 0];
    var registered = [0, 0, 0, 0];
    var problems = [];
    function next() {
      return shared.upload(db, function (checkIns, walkIns, report) {
        reachable = true;
        totals[0] += report.recorded; totals[1] += report.alreadyIn;
        totals[2] += report.conflicts; totals[3] += report.refused;
        learn(checkIns, report.lines);
        var w = report.walkIns || { lines: [] };
        registered[0] += w.registered || 0; registered[1] += w.alreadyRegistered || 0;
        registered[2] += w.conflicts || 0; registered[3] += w.refused || 0;
        w.lines.forEach(function (line, i) {
          // what the door must act on: a paper badge to correct, or a person not registered
          if (line.outcome === 'ALREADY_REGISTERED') {
            problems.push(say('walkInProblem', walkIns[i].name, say('walkInCode', line.badgeCode)));
          } else if (line.outcome !== 'REGISTERED') {
            problems.push(say('walkInProblem', walkIns[i].name, line.message || ''));
          }
        });
        note([say('sent', totals[0], totals[1], totals[2], totals[3])]
          .concat(registered.some(Boolean) ? [say('walkInsSent', registered[0], registered[1], registered[2], registered[3])] : [])
          .concat(problems).join(' '));
      }).then(function (outcome) {
        if (outcome === 'unreachable') { reachable = false; } else if (outcome !== 'sent') { reachable = true; }
        if (outcome === 'signIn') { note(say('signIn')); }
      });
    }
    sending = next().then(countWaiting, countWaiting).then(function () { sending = null; });
    return sending;
  }
  function learn(batch, lines) {
    if (!list) { return; }
    lines.forEach(function (line, i) {
      var a = batch[i].day === day && index[key(batch[i].badgeCode)];
      if (a) { a.checkedInAt = line.checkedInAt || null; a.door = line.door || null; }
    });
    request(store('lists', 'readwrite').put(list));
  }

  // ---- checking in against the list ----
  function show(kind, verdict, person, last, code) {
    var result = byId('offline-result');
    var lines = result.querySelectorAll('p');
    result.className = 'door-result ' + kind;
    lines[0].textContent = verdict;
    lines[1].textContent = person ? say('category.' + (person.category || 'PARTICIPANT')) : '';
    lines[2].textContent = person ? person.displayName || '' : '';
    lines[3].textContent = person ? details(person) : '';
    lines[4].textContent = last || '';
    lines[5].textContent = code ? say('walkInCode', code) : '';
    result.hidden = false;
    result.scrollIntoView(); // the outcome at the top of the screen, the code field right under it
    var served = byId('checkin-result');
    if (served) { served.hidden = true; } // the server's answer to an earlier form is not this one
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }
  function checkIn(typed) {
    var code = key(typed);
    if (!code) { show('refused', say('refused'), null, say('codeRequired')); return; }
    var person = index[code];
    if (!person) { show('refused', say('refused'), null, say('notInList') + ' ' + say('refusedCode', typed)); return; }
    if (person.checkedInAt) { show('again', say('again', time(person.checkedInAt), person.door), person); return; }
    var now = new Date().toISOString();
    person.checkedInAt = now;
    person.door = door;
    var item = { checkInId: newId(), badgeCode: person.badgeCode, day: day, door: door, takenAt: now };
    var writing = db.transaction(['lists', 'queue'], 'readwrite');
    writing.objectStore('lists').put(list);
    writing.objectStore('queue').put(item);
    writing.oncomplete = function () { countWaiting(); };
    show('ok', say('ok', time(now), door), person, say('kept'));
  }
  // ---- a walk-in: one of the device's codes, the person in the list at once, the registration queued ----
  function walkInAttendee(w) {
    return { badgeCode: w.badgeCode, displayName: w.name, organization: w.organization, country: w.country,
      category: w.category, checkedInAt: w.takenAt, door: w.door };
  }
  function fieldError(id, text) {
    var p = byId(id + '-error');
    p.textContent = text || '';
    p.hidden = !text;
    byId(id).setAttribute('aria-invalid', text ? 'true' : 'false');
  }
  function registerWalkIn() {
    var f = walkInForm.elements;
    var value = function (name) { return f[name].value.trim(); };
    // the service checks the details again; here, what the door can fix while the person is still there
    fieldError('walkInName', value('name') ? '' : say('nameRequired'));
    fieldError('walkInCountry', value('country') ? '' : say('countryRequired'));
    var digits = value('phone').replace(/\D/g, '').length;
    fieldError('walkInPhone', !value('phone') && !value('email') ? say('contactRequired')
      : value('phone') && (digits < 8 || digits > 15) ? say('phoneInvalid') : '');
    var wrong = walkInForm.querySelector('[aria-invalid=true]');
    if (wrong) { wrong.focus(); return; }
    if (!list || !list.walkInCodes || !list.walkInCodes.length) { render(); return; }
    var now = new Date().toISOString();
    var walkIn = { clientId: newId(), badgeCode: list.walkInCodes.shift(), day: day, door: door, takenAt: now,
      name: value('name'), category: value('category'), country: value('country'),
      organization: value('organization') || null, phone: value('phone') || null, email: value('email') || null };
    var person = walkInAttendee(walkIn);
    list.attendees.push(person);
    index[key(person.badgeCode)] = person;
    var writing = db.transaction(['lists', 'queue'], 'readwrite');
    writing.objectStore('lists').put(list);
    writing.objectStore('queue').put({ checkInId: walkIn.clientId, walkIn: walkIn });
    writing.oncomplete = function () { countWaiting().then(function () { if (!offline()) { send(); } }); };
    walkInForm.reset();
    show('ok', say('walkInOk', time(now), door), person, say('writeCode'), person.badgeCode);
  }
  function fold(text) { return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  function paragraph(parent, text, className) {
    var p = document.createElement('p');
    p.textContent = text;
    if (className) { p.className = className; }
    parent.appendChild(p);
    return p;
  }
  function search(q) {
    var found = byId('offline-found');
    found.textContent = '';
    found.hidden = false;
    var wanted = fold(q).trim();
    if (wanted.length < 2) { paragraph(found, say('tooShort'), 'muted'); return; }
    var people = (list ? list.attendees : []).filter(function (a) {
      return fold(a.displayName).indexOf(wanted) >= 0 || fold(a.organization).indexOf(wanted) >= 0;
    }).slice(0, 20);
    if (!people.length) { paragraph(found, say('none'), 'muted'); return; }
    people.forEach(function (a) {
      var item = document.createElement('li');
      item.className = 'card';
      paragraph(item, a.displayName, 'door-row-name');
      paragraph(item, details(a));
      if (a.checkedInAt) {
        paragraph(item, say('inside', time(a.checkedInAt), a.door), 'status');
      } else {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = say('checkInPerson', a.displayName);
        button.addEventListener('click', function () { checkIn(a.badgeCode); found.hidden = true; });
        item.appendChild(button);
      }
      found.appendChild(item);
    });
  }

  // ---- the page's forms: sent to the server while online, answered here when offline ----
  byCodeForm.addEventListener('submit', function (event) {
    if (!offline()) { return; }
    event.preventDefault();
    var input = byCodeForm.elements.badgeCode;
    checkIn(input.value);
    input.value = '';
    input.focus({ preventScroll: true });
  });
  searchForm.addEventListener('submit', function (event) {
    if (!offline()) { return; }
    event.preventDefault();
    search(searchForm.elements.q.value);
  });
  walkInForm.addEventListener('submit', function (event) {
    if (!offline() && !(list && list.walkInCodes && list.walkInCodes.length)) { return; }
    event.preventDefault();
    registerWalkIn();
  });
  byId('offline-download').addEventListener('click', download);

  // ---- sign-out (door-queue.js, from any page): what waits is sent, then the day's lists leave the device ----

  // ---- the camera, where the browser reads QR codes itself; typing stays the way otherwise ----
  var scan = byId('scan');
  if ('BarcodeDetector' in window && navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    scan.hidden = false;
    scan.addEventListener('click', function () {
      var video = byId('scan-video');
      var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        video.play();
        function look() {
          detector.detect(video).then(function (codes) {
            if (!codes.length) { requestAnimationFrame(look); return; }
            stream.getTracks().forEach(function (track) { track.stop(); });
            video.hidden = true;
            byCodeForm.elements.badgeCode.value = codes[0].rawValue;
            byCodeForm.requestSubmit();
          }, function () { requestAnimationFrame(look); });
        }
        look();
      }, function () { scan.hidden = true; note(say('noCamera')); });
    });
  }

  // ---- the page itself kept for a reload without network (see /checkin/sw.js) ----
  function keepPage() {
    if (!navigator.serviceWorker || !window.caches) { return; }
    navigator.serviceWorker.register('/checkin/sw.js', { scope: '/checkin' }).catch(function () { /* a nicety */ });
    var page = '/checkin?' + new URLSearchParams({ day: day, door: door });
    caches.open('sdn-door').then(function (cache) {
      // each file once: cache.addAll refuses a list that names one twice
      var assets = Array.prototype.map.call(document.querySelectorAll('link[rel=stylesheet], script[src]'),
        function (node) { return node.href || node.src; })
        .filter(function (url, i, all) { return all.indexOf(url) === i; });
      return cache.addAll([page].concat(assets));
    }).catch(function () { /* offline now: the copy kept earlier stays */ });
  }

  window.addEventListener('online', function () { reachable = true; render(); send().then(download); });
  window.addEventListener('offline', render);
  setInterval(function () {
    if (!navigator.onLine) { return; }
    if (queued) { send(); } else if (!reachable) { download(); }
  }, 20000);

  shared.open().then(function (opened) {
    db = opened;
    return request(store('lists').get(day));
  }).then(function (stored) {
    useList(stored);
    root.hidden = false;
    byId('offline-bar').hidden = false;
    return countWaiting();
  }).then(function () {
    if (navigator.onLine) {
      keepPage();
      return send().then(download);
    }
    return null;
  });
})();
