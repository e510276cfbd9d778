// What the pages (/network, /options) have in common, as window.page: the page's GraphQL operations
// (its queries.json), posting one of them to /graphql, links that open one in the explorer
// (/?query=…&variables=…), and the details box. Plain script, no build step; each page's router
// serves it as /<page>/page.js, before the page's own script.
(function () {
  'use strict';
  var queries = {};

  function byId(id) {
    return document.getElementById(id);
  }

  /** Fetches the page's operations by name (e.g. /network/queries.json); the functions below use them. */
  async function loadQueries(url) {
    queries = await (await fetch(url)).json();
    return queries;
  }

  /** Attempts of a request the server refuses for now (429: its slots for exports or expensive operations are taken). */
  var BUSY_ATTEMPTS = 6;

  /**
   * fetch, waiting and asking again while the server answers 429 with Retry-After (another tab's
   * export, or an export the page left a moment ago, may hold the server's only export slot); `onBusy`
   * is told how long the page waits. After BUSY_ATTEMPTS the 429 response is returned.
   */
  async function fetchWhenFree(url, init, onBusy) {
    for (var attempt = 1; ; attempt++) {
      var res = await fetch(url, init);
      if (res.status !== 429 || attempt >= BUSY_ATTEMPTS) return res;
      var seconds = Math.min(10, Math.max(1, Number(res.headers.get('retry-after')) || 1));
      if (onBusy) onBusy(seconds);
      await new Promise(function (resolve) {
        setTimeout(resolve, seconds * 1000);
      });
    }
  }

  /** Posts the named operation to /graphql; resolves to the response's JSON ({data, errors}). */
  async function runQuery(name, variables) {
    var res = await fetchWhenFree('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: queries[name], variables: variables }),
    });
    return res.json();
  }

  /** The explorer opened on the named operation with these variables. */
  function explorerHref(name, variables) {
    return (
      '/?query=' +
      encodeURIComponent(queries[name] || '') +
      '&variables=' +
      encodeURIComponent(JSON.stringify(variables, null, 2))
    );
  }

  /** A link to the explorer on the named operation, in a new tab. */
  function explorerLink(name, variables, text) {
    var a = document.createElement('a');
    a.href = explorerHref(name, variables);
    a.textContent = text;
    a.target = '_blank';
    a.rel = 'noopener';
    return a;
  }

  /**
   * Fills #details: a heading, a list of [label, value] rows (a value may be a DOM node; an empty one
   * shows as —), then `after` (a node: a link, a list of links), if given.
   */
  function details(heading, rows, after) {
    var box = byId('details');
    box.textContent = '';
    var h = document.createElement('h2');
    h.textContent = heading;
    box.appendChild(h);
    var dl = document.createElement('dl');
    rows.forEach(function (r) {
      var dt = document.createElement('dt');
      dt.textContent = r[0];
      var dd = document.createElement('dd');
      if (r[1] instanceof Node) dd.appendChild(r[1]);
      else dd.textContent = r[1] === null || r[1] === undefined || r[1] === '' ? '—' : String(r[1]);
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    box.appendChild(dl);
    if (after) box.appendChild(after);
  }

  window.page = {
    byId: byId,
    loadQueries: loadQueries,
    fetchWhenFree: fetchWhenFree,
    runQuery: runQuery,
    explorerHref: explorerHref,
    explorerLink: explorerLink,
    details: details,
  };
})();
