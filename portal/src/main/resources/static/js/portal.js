// Progressive enhancement only: every page works without it. Shows the number of unread notifications
// in the menu and keeps it current from the live inbox stream (server-sent events through the gateway).
// For door staff and organizers, signing out from any page first sends the door's check-ins still on the device
// and takes the door's lists off it (door-queue.js), as the door's page does.
(function () {
  var signOut = document.querySelector('form[action$="/logout"][data-door-queued]');
  if (!signOut || !window.sdnDoorQueue) { return; }
  signOut.addEventListener('submit', function (event) {
    if (signOut.getAttribute('data-wiped')) { return; }
    event.preventDefault();
    var words = signOut.getAttribute('data-door-queued');
    window.sdnDoorQueue.leave(function (count) { return window.confirm(words.replace('{0}', String(count))); })
      .then(function (go) { return go; }, function () { return true; }) // storage unusable: nothing kept to wipe
      .then(function (go) {
        if (!go) { return; }
        signOut.setAttribute('data-wiped', 'true');
        signOut.submit();
      });
  });
})();
(function () {
  var badge = document.getElementById('unread-count');
  if (!badge || !window.fetch) { return; }
  function show(count) {
    badge.textContent = count > 0 ? String(count) : '';
    badge.hidden = !(count > 0);
  }
  var unread = 0;
  fetch('/api/notifications/me?size=1', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (page) {
      if (!page) { return; }
      unread = page.unreadCount || 0;
      show(unread);
      if (window.EventSource) {
        var stream = new EventSource('/api/notifications/me/stream');
        stream.addEventListener('notification', function () { unread += 1; show(unread); });
      }
    })
    .catch(function () { /* the count is a nicety: stay quiet */ });
})();
