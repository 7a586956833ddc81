// Live door figures (/organizer/door-figures, /coordinator/door-figures). With JavaScript the figures are asked
// again every data-refresh-seconds and swapped in place: the page is never reloaded, so the reader keeps their
// place and nothing flickers. Without JavaScript the layout's <noscript> refresh reloads the page instead.
// A failed try (network, an expired session answered by a redirect to sign-in) leaves the last figures and says so.
(function () {
  'use strict';
  var live = document.getElementById('live-figures');
  if (!live || !window.fetch || !window.DOMParser) {
    return;
  }
  var seconds = parseInt(live.getAttribute('data-refresh-seconds'), 10) || 30;
  var stale = document.getElementById('figures-stale');

  function refresh() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) {
        if (!response.ok || response.redirected) {
          throw new Error('figures not answered: ' + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('live-figures');
        if (!fresh) {
          throw new Error('no figures in the answer');
        }
        live.innerHTML = fresh.innerHTML;
        if (stale) {
          stale.hidden = true;
        }
      })
      .catch(function () {
        if (stale) {
          stale.hidden = false;
        }
      })
      .then(function () {
        window.setTimeout(refresh, seconds * 1000);
      });
  }

  window.setTimeout(refresh, seconds * 1000);
}());
