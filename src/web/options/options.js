// The outside-options page: one POST to /graphql (the query of /options/queries.json), drawn as a
// plain SVG line chart — no library, no network beyond this server.
// window.optionsState tells tests (and the curious) what is drawn:
// {state, from, to, step, points, eraBands, negotiationMarks, ready, error, loads}.
// Queries, explorer links and the details box: window.page (page.js, from src/web/shared/).
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var FIRST = 1815,
    LAST = 1949;
  var SERIES = [
    {
      key: 'overall',
      label: 'overall',
      value: function (p) {
        return p.options.overall;
      },
    },
    {
      key: 'alternativeAlly',
      label: 'alternative ally',
      value: function (p) {
        return p.options.alternativeAllies.attractiveness;
      },
    },
    {
      key: 'unilateral',
      label: 'unilateral action',
      value: function (p) {
        return p.options.unilateral.attractiveness;
      },
    },
    {
      key: 'buckPassing',
      label: 'buck-passing',
      value: function (p) {
        return p.options.buckPassing.attractiveness;
      },
    },
  ];
  var W = 1100,
    H = 520,
    M = { left: 48, right: 16, top: 44, bottom: 70 };
  var $ = page.byId;
  var view = (window.optionsState = {
    state: null,
    from: null,
    to: null,
    step: null,
    points: 0,
    eraBands: 0,
    negotiationMarks: 0,
    ready: false,
    error: null,
    loads: 0,
  });

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (k) {
      e.setAttribute(k, String(attrs[k]));
    });
    if (parent) parent.appendChild(e);
    return e;
  }
  function title(node, text) {
    var t = el('title', {}, node);
    t.textContent = text;
    return t;
  }
  var fmt = function (x) {
    return x === null || x === undefined ? '—' : x.toFixed(3);
  };

  // Dates to x: fractional years, from 1 January of `from` to 31 December of `to`.
  function yearFraction(iso) {
    var y = Number(iso.slice(0, 4));
    var start = Date.UTC(y, 0, 1),
      end = Date.UTC(y + 1, 0, 1);
    var t = Date.UTC(y, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    return y + (t - start) / (end - start);
  }

  function alliesText(p) {
    return p.topAllies.length
      ? p.topAllies
          .map(function (a) {
            return (a.state ? a.state.abbrev : '?') + ' ' + a.score.toFixed(2);
          })
          .join(', ')
      : 'none';
  }

  function draw(data, args) {
    var svg = $('chart');
    while (svg.lastChild && svg.lastChild.nodeName !== 'title') svg.removeChild(svg.lastChild);
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    var x0 = args.from,
      x1 = args.to + 1;
    var x = function (iso) {
      return M.left + ((yearFraction(iso) - x0) / (x1 - x0)) * (W - M.left - M.right);
    };
    var y = function (v) {
      return M.top + (1 - v) * (H - M.top - M.bottom);
    };
    var rangeFrom = args.from + '-01-01',
      rangeTo = args.to + '-12-31';
    var plotBottom = H - M.bottom;

    // Era bands, named along the top.
    var bands = el('g', { id: 'eras' }, svg);
    var eras = data.eras.filter(function (e) {
      return e.start <= rangeTo && e.end >= rangeFrom;
    });
    eras.forEach(function (e, i) {
      var a = x(e.start < rangeFrom ? rangeFrom : e.start),
        b = x(e.end > rangeTo ? rangeTo : e.end);
      var r = el(
        'rect',
        {
          class: 'era-band ' + (i % 2 ? 'odd' : 'even'),
          'data-era': e.key,
          x: a,
          y: M.top,
          width: Math.max(0, b - a),
          height: plotBottom - M.top,
        },
        bands,
      );
      title(r, e.name + ' (' + e.start + ' to ' + e.end + ')');
      // Labels alternate between two rows: each may run on over the next band, not past the one after.
      var next = eras[i + 2];
      var room = (next ? x(next.start) : W - M.right) - a - 6;
      var chars = Math.max(1, Math.floor(room / 6.2));
      var label = el('text', { class: 'era-label', x: a + 3, y: M.top - (i % 2 ? 6 : 20) }, bands);
      label.textContent = e.name.length > chars ? e.name.slice(0, Math.max(1, chars - 1)) + '…' : e.name;
      label.setAttribute('data-name', e.name);
    });

    // Axes and grid.
    var axis = el('g', { class: 'axis' }, svg);
    [0, 0.25, 0.5, 0.75, 1].forEach(function (v) {
      el('line', { class: 'grid', x1: M.left, x2: W - M.right, y1: y(v), y2: y(v) }, axis);
      var t = el('text', { x: M.left - 6, y: y(v) + 4, 'text-anchor': 'end' }, axis);
      t.textContent = v.toFixed(2);
    });
    el('line', { x1: M.left, x2: W - M.right, y1: plotBottom, y2: plotBottom }, axis);
    var span = args.to - args.from;
    var every = span > 80 ? 10 : span > 30 ? 5 : span > 10 ? 2 : 1;
    for (var yr = Math.ceil(args.from / every) * every; yr <= args.to; yr += every) {
      var tx = x(yr + '-01-01');
      el('line', { x1: tx, x2: tx, y1: plotBottom, y2: plotBottom + 5 }, axis);
      var tt = el('text', { x: tx, y: plotBottom + 17, 'text-anchor': 'middle' }, axis);
      tt.textContent = String(yr);
    }

    // The four lines (a null value — unilateral without capability data — breaks its line).
    var points = data.outsideOptionsSeries;
    var lines = el('g', { id: 'lines' }, svg);
    SERIES.slice()
      .reverse()
      .forEach(function (s) {
        var d = '',
          pen = false;
        points.forEach(function (p) {
          var v = s.value(p);
          if (v === null || v === undefined) {
            pen = false;
            return;
          }
          d += (pen ? 'L' : 'M') + x(p.at).toFixed(1) + ' ' + y(v).toFixed(1) + ' ';
          pen = true;
        });
        var path = el('path', { class: 'series-line ' + s.key, 'data-series': s.key, d: d.trim() || 'M0 0' }, lines);
        title(path, s.label);
      });

    // One point per year or era on the overall line, with a tooltip; a click shows its details.
    var dots = el('g', { id: 'points' }, svg);
    points.forEach(function (p, i) {
      var c = el(
        'circle',
        {
          class: 'point',
          'data-index': i,
          'data-at': p.at,
          cx: x(p.at),
          cy: y(p.options.overall),
          r: points.length > 60 ? 3 : 5,
        },
        dots,
      );
      var label =
        (p.year !== null ? String(p.year) : p.era ? p.era.name : p.at) +
        ': overall ' +
        fmt(p.options.overall) +
        ', alternative ally ' +
        fmt(p.options.alternativeAllies.attractiveness) +
        ', unilateral ' +
        fmt(p.options.unilateral.attractiveness) +
        ', buck-passing ' +
        fmt(p.options.buckPassing.attractiveness) +
        '; best allies: ' +
        alliesText(p);
      title(c, label);
      c.addEventListener('click', function () {
        Array.prototype.forEach.call(dots.querySelectorAll('.selected'), function (n) {
          n.classList.remove('selected');
        });
        c.classList.add('selected');
        page.details(
          p.year !== null ? data.state.abbrev + ' in ' + p.year : data.state.abbrev + ': ' + (p.era ? p.era.name : ''),
          [
            ['read on', p.at],
            ['stands for', p.from + ' to ' + p.to],
            ['era', p.era ? p.era.name : null],
            ['overall', fmt(p.options.overall)],
            ['alternative ally', fmt(p.options.alternativeAllies.attractiveness)],
            ['unilateral', fmt(p.options.unilateral.attractiveness)],
            ['buck-passing', fmt(p.options.buckPassing.attractiveness)],
            ['best allies', alliesText(p)],
          ],
          page.explorerLink('point', { party: args.state, at: p.at }, 'all of it, with the reasons (OptionsAt)'),
        );
      });
    });

    // The state's negotiations that began in the range: a triangle under the axis, a dotted line up.
    var marks = el('g', { id: 'negotiations' }, svg);
    var negotiations = data.state.negotiations
      .filter(function (n) {
        return n.start >= rangeFrom && n.start <= rangeTo;
      })
      .sort(function (a, b) {
        return a.start < b.start ? -1 : a.start > b.start ? 1 : 0;
      });
    negotiations.forEach(function (n, i) {
      var failed = n.outcome === 'NONAGREEMENT';
      var nx = x(n.start);
      var link = el(
        'a',
        {
          class: 'negotiation-mark' + (failed ? ' failed' : ''),
          'data-negotiation': n.key,
          href: page.explorerHref('negotiation', { id: n.key, party: args.state }),
          target: '_blank',
        },
        marks,
      );
      el('line', { x1: nx, x2: nx, y1: M.top, y2: plotBottom }, link);
      var my = plotBottom + 26 + (i % 3) * 11;
      el(
        'polygon',
        { points: nx - 5 + ',' + (my + 5) + ' ' + (nx + 5) + ',' + (my + 5) + ' ' + nx + ',' + (my - 5) },
        link,
      );
      title(link, n.name + ' (' + n.start + ' to ' + (n.end || '') + ', ' + (failed ? 'no treaty' : 'agreement') + ')');
    });

    return { points: points.length, eraBands: eras.length, negotiationMarks: negotiations.length };
  }

  function readForm() {
    return {
      state: Number($('state').value),
      from: Number($('from').value),
      to: Number($('to').value),
      step: $('step').value,
    };
  }

  async function load(args) {
    view.ready = false;
    view.error = null;
    $('status').className = '';
    $('status').textContent =
      'computing ' + (args.step === 'YEAR' ? args.to - args.from + 1 + ' years' : 'the eras') + '…';
    var csv =
      '/export/options-series?state=' + args.state + '&from=' + args.from + '&to=' + args.to + '&step=' + args.step;
    $('csv').href = csv + '&download';
    $('explore').href = page.explorerHref('series', args);
    history.replaceState(
      null,
      '',
      '/options?state=' + args.state + '&from=' + args.from + '&to=' + args.to + '&step=' + args.step,
    );
    var t0 = performance.now();
    var json = await page.runQuery('series', args);
    if (json.errors && json.errors.length) {
      view.error = json.errors[0].message;
      $('status').className = 'error';
      $('status').textContent = json.errors[0].message;
      view.loads += 1;
      view.ready = true;
      return;
    }
    $('details').innerHTML =
      '<h2>Details</h2><p>Hover over a point or a negotiation mark; click a point for its details and the query behind them.</p>';
    var drawn = draw(json.data, args);
    $('title-state').textContent =
      '— ' + json.data.state.name + ' (' + json.data.state.abbrev + ', ' + json.data.state.ccode + ')';
    $('status').textContent =
      drawn.points +
      ' points, ' +
      drawn.eraBands +
      ' eras, ' +
      drawn.negotiationMarks +
      ' negotiations, in ' +
      Math.round(performance.now() - t0) +
      ' ms';
    view.state = args.state;
    view.from = args.from;
    view.to = args.to;
    view.step = args.step;
    view.points = drawn.points;
    view.eraBands = drawn.eraBands;
    view.negotiationMarks = drawn.negotiationMarks;
    view.loads += 1;
    view.ready = true;
  }

  $('controls').addEventListener('submit', function (e) {
    e.preventDefault();
    load(readForm());
  });

  (async function start() {
    await page.loadQueries('/options/queries.json');
    var params = new URLSearchParams(location.search);
    var int = function (name, fallback) {
      var v = Number(params.get(name));
      return params.get(name) !== null && Number.isInteger(v) ? v : fallback;
    };
    var args = {
      state: int('state', 200),
      from: int('from', FIRST),
      to: int('to', LAST),
      step: params.get('step') === 'ERA' ? 'ERA' : 'YEAR',
    };
    $('state').value = args.state;
    $('from').value = args.from;
    $('to').value = args.to;
    $('step').value = args.step;
    await load(args);
  })();
})();
