// The outside-options page: one POST to /graphql (the `series` query of /options/queries.json), drawn
// as a plain SVG line chart sized to the page — no library, no network beyond this server.
// window.optionsState tells tests (and the curious) what is drawn:
// {state, from, to, step, points, eraBands, eraLabelRows, negotiationMarks, partialPoints,
//  uncoveredYears, coverageRows, ready, error, loads, states}.
// Queries, explorer links and the details box: window.page (page.js, from src/web/shared/).
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
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
  // The layers drawn in the coverage strip under the axis, in this order (those the graph holds).
  var STRIP = ['record', 'atop', 'cow-states', 'nmc', 'mid', 'cow-wars', 'rivalries'];
  var LAYER_TEXT = {
    record: 'record: talks, plans',
    atop: 'ATOP: alliances',
    'cow-states': 'COW: state system',
    nmc: 'NMC: capabilities',
    mid: 'MID: disputes',
    'cow-wars': 'COW: wars',
    rivalries: 'rivalries',
  };
  var $ = page.byId;
  var view = (window.optionsState = {
    state: null,
    from: null,
    to: null,
    step: null,
    points: 0,
    eraBands: 0,
    eraLabelRows: 0,
    negotiationMarks: 0,
    partialPoints: 0,
    uncoveredYears: 0,
    coverageRows: 0,
    ready: false,
    error: null,
    loads: 0,
    states: 0,
  });
  var states = []; // {ccode, abbrev, name}, for the searchable list
  var last = null; // the last response and arguments, redrawn when the window is resized

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
    return x === null || x === undefined ? 'not covered' : x.toFixed(3);
  };

  // Dates to x: fractional years, from 1 January of `from` to 31 December of `to`.
  function yearFraction(iso) {
    var y = Number(iso.slice(0, 4));
    var start = Date.UTC(y, 0, 1),
      end = Date.UTC(y + 1, 0, 1);
    var t = Date.UTC(y, Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    return y + (t - start) / (end - start);
  }

  // The best three alternative allies of a point read in full (the `point` query).
  function alliesText(allies) {
    return allies.length
      ? allies
          .slice(0, 3)
          .map(function (a) {
            return (a.state ? a.state.abbrev : '?') + ' ' + a.score.toFixed(2);
          })
          .join(', ')
      : 'none';
  }

  // How a layer reads: "MID 4.3 (1816–2010)", "the record (1815–1949)".
  function layerName(name, dataSets) {
    if (name === 'record') return 'the record (1815–1949)';
    var d = dataSets.filter(function (x) {
      return x.name === name;
    })[0];
    if (!d) return name + ' (not imported)';
    return name + ' ' + d.version + (d.coverage ? ' (' + d.coverage.from + '–' + d.coverage.to + ')' : '');
  }

  function draw(data, args) {
    var svg = $('chart');
    while (svg.lastChild && svg.lastChild.nodeName !== 'title') svg.removeChild(svg.lastChild);
    // The chart takes the size of its box: text keeps its size, the plot fills the page.
    var W = Math.max(600, Math.round(svg.clientWidth || 1100)),
      H = Math.max(420, Math.round(svg.clientHeight || 560));
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    var points = data.outsideOptionsSeries;
    var from = args.from,
      to = args.to;
    var rangeFrom = from + '-01-01',
      rangeTo = to + '-12-31';
    var dataSets = data.dataSets || [];
    var layers = STRIP.filter(function (l) {
      return (
        l === 'record' ||
        dataSets.some(function (d) {
          return d.name === l;
        })
      );
    });
    var defs = el('defs', {}, svg);
    var pattern = el(
      'pattern',
      { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
      defs,
    );
    el('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }, pattern);

    // Margins: the era labels' rows above (known once they are measured), the axis, the negotiation
    // marks and the coverage strip below.
    var STRIP_ROW = 11;
    var M = { left: 116, right: 16, top: 0, bottom: 24 + 3 * 11 + 14 + layers.length * STRIP_ROW + 6 };
    var x0 = from,
      x1 = to + 1;
    var x = function (iso) {
      return M.left + ((yearFraction(iso) - x0) / (x1 - x0)) * (W - M.left - M.right);
    };
    var plotLeft = M.left,
      plotRight = W - M.right;

    // Era labels first, to know how many rows they need: each starts at its band (or as far left as
    // it must to end inside the plot) and goes in the first row where it clears the label before it.
    var eras = data.eras.filter(function (e) {
      return e.start <= rangeTo && e.end >= rangeFrom;
    });
    var labelGroup = el('g', { id: 'era-labels' }, svg);
    var rowsEnd = [];
    var placed = eras.map(function (e) {
      var a = x(e.start < rangeFrom ? rangeFrom : e.start),
        b = x(e.end > rangeTo ? rangeTo : e.end);
      var t = el('text', { class: 'era-label', x: 0, y: 0 }, labelGroup);
      t.textContent = e.name;
      t.setAttribute('data-name', e.name);
      var w = t.getComputedTextLength ? t.getComputedTextLength() : e.name.length * 6.2;
      var lx = Math.max(plotLeft, Math.min(a + 2, plotRight - w));
      var row = 0;
      while (rowsEnd[row] !== undefined && rowsEnd[row] + 10 > lx) row++;
      rowsEnd[row] = lx + w;
      return { era: e, a: a, b: b, text: t, lx: lx, w: w, row: row };
    });
    var ROW = 14;
    M.top = 10 + Math.max(1, rowsEnd.length) * ROW + 4;
    var plotBottom = H - M.bottom;
    var y = function (v) {
      return M.top + (1 - v) * (plotBottom - M.top);
    };

    // Era bands, and their labels in rows above the plot, each with a tick down to its band.
    var bands = el('g', { id: 'eras' }, svg);
    svg.insertBefore(bands, labelGroup);
    placed.forEach(function (p, i) {
      var r = el(
        'rect',
        {
          class: 'era-band ' + (i % 2 ? 'odd' : 'even'),
          'data-era': p.era.key,
          x: p.a,
          y: M.top,
          width: Math.max(0, p.b - p.a),
          height: plotBottom - M.top,
        },
        bands,
      );
      title(r, p.era.name + ' (' + p.era.start + ' to ' + p.era.end + ')');
      var ly = M.top - 6 - (rowsEnd.length - 1 - p.row) * ROW;
      p.text.setAttribute('x', p.lx.toFixed(1));
      p.text.setAttribute('y', ly.toFixed(1));
      title(p.text, p.era.name + ' (' + p.era.start + ' to ' + p.era.end + ')');
      var tickX = Math.max(p.a, Math.min(p.b, p.lx)) + 1;
      el('line', { class: 'era-tick', x1: tickX, x2: tickX, y1: ly + 2, y2: M.top }, labelGroup);
    });

    // Years no option is covered in (overall null): hatched across the plot.
    var uncovered = el('g', { id: 'uncovered' }, svg);
    var uncoveredYears = 0;
    points.forEach(function (p) {
      if (p.options.overall !== null) return;
      uncoveredYears += 1;
      var r = el(
        'rect',
        {
          class: 'uncovered',
          'data-at': p.at,
          x: x(p.from),
          y: M.top,
          width: Math.max(1, x(p.to) - x(p.from)),
          height: plotBottom - M.top,
          fill: 'url(#hatch)',
        },
        uncovered,
      );
      title(
        r,
        (p.year !== null ? p.year : p.era ? p.era.name : p.at) +
          ': not covered — ' +
          p.options.notCovered
            .map(function (l) {
              return layerName(l, dataSets);
            })
            .join(', '),
      );
    });

    // Axes and grid.
    var axis = el('g', { class: 'axis' }, svg);
    [0, 0.25, 0.5, 0.75, 1].forEach(function (v) {
      el('line', { class: 'grid', x1: plotLeft, x2: plotRight, y1: y(v), y2: y(v) }, axis);
      var t = el('text', { x: plotLeft - 6, y: y(v) + 4, 'text-anchor': 'end' }, axis);
      t.textContent = v.toFixed(2);
    });
    el('line', { x1: plotLeft, x2: plotRight, y1: plotBottom, y2: plotBottom }, axis);
    var span = to - from;
    var pxPerYear = (plotRight - plotLeft) / Math.max(1, span + 1);
    var every =
      [1, 2, 5, 10, 20, 25, 50].filter(function (k) {
        return k * pxPerYear >= 36;
      })[0] || 50;
    for (var yr = Math.ceil(from / every) * every; yr <= to; yr += every) {
      var tx = x(yr + '-01-01');
      el('line', { x1: tx, x2: tx, y1: plotBottom, y2: plotBottom + 5 }, axis);
      var tt = el('text', { x: tx, y: plotBottom + 17, 'text-anchor': 'middle' }, axis);
      tt.textContent = String(yr);
    }

    // The four lines: solid between two points every data set covers, dashed where a data set behind
    // either point does not cover it; a null value (not covered, or unilateral without capability
    // data) breaks the line.
    var lines = el('g', { id: 'lines' }, svg);
    SERIES.slice()
      .reverse()
      .forEach(function (s) {
        var solid = '',
          partial = '',
          prev = null;
        points.forEach(function (p) {
          var v = s.value(p);
          if (v === null || v === undefined) {
            prev = null;
            return;
          }
          var here = x(p.at).toFixed(1) + ' ' + y(v).toFixed(1);
          if (prev) {
            var seg = 'M' + prev.xy + ' L' + here + ' ';
            if (prev.complete && p.options.complete) solid += seg;
            else partial += seg;
          }
          prev = { xy: here, complete: p.options.complete };
        });
        var path = el(
          'path',
          { class: 'series-line ' + s.key, 'data-series': s.key, d: solid.trim() || 'M0 0' },
          lines,
        );
        title(path, s.label);
        if (partial) {
          var dashed = el(
            'path',
            { class: 'series-line partial ' + s.key, 'data-series': s.key, d: partial.trim() },
            lines,
          );
          title(dashed, s.label + ' (a data set behind these years does not cover them)');
        }
      });

    // One point per year or era on the overall line, with a tooltip; a click shows its details.
    var dots = el('g', { id: 'points' }, svg);
    var partialPoints = 0;
    points.forEach(function (p, i) {
      if (p.options.overall === null) return;
      if (!p.options.complete) partialPoints += 1;
      var c = el(
        'circle',
        {
          class: 'point' + (p.options.complete ? '' : ' partial'),
          'data-index': i,
          'data-at': p.at,
          cx: x(p.at),
          cy: y(p.options.overall),
          r: pxPerYear < 8 ? 2.5 : 4,
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
        (p.options.complete
          ? ''
          : '; not covered: ' +
            p.options.notCovered
              .map(function (l) {
                return layerName(l, dataSets);
              })
              .join(', '));
      title(c, label);
      c.addEventListener('click', async function () {
        Array.prototype.forEach.call(dots.querySelectorAll('.selected'), function (n) {
          n.classList.remove('selected');
        });
        c.classList.add('selected');
        var full = await page.runQuery('point', { party: args.state, at: p.at });
        var o = full.data && full.data.outsideOptions;
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
            ['best allies', o ? alliesText(o.alternativeAllies.allies) : null],
            [
              'data not covering it',
              p.options.complete
                ? 'none: every data set covers it'
                : p.options.notCovered
                    .map(function (l) {
                      return layerName(l, dataSets);
                    })
                    .join(', '),
            ],
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

    // The coverage strip: one row per layer, a bar over the years (of the range) it covers.
    var strip = el('g', { id: 'coverage' }, svg);
    var stripTop = plotBottom + 26 + 3 * 11 + 8;
    layers.forEach(function (l, i) {
      var ry = stripTop + i * STRIP_ROW;
      var d = dataSets.filter(function (s) {
        return s.name === l;
      })[0];
      var years = l === 'record' ? { from: 1815, to: 1949 } : d && d.coverage;
      var row = el('g', { class: 'coverage-row', 'data-layer': l }, strip);
      var name = el('text', { class: 'coverage-label', x: plotLeft - 6, y: ry + 8, 'text-anchor': 'end' }, row);
      name.textContent = LAYER_TEXT[l] || l;
      el('rect', { class: 'coverage-track', x: plotLeft, y: ry + 2, width: plotRight - plotLeft, height: 6 }, row);
      if (years && years.from <= to && years.to >= from) {
        var a = x(Math.max(years.from, from) + '-01-01'),
          b = x(Math.min(years.to, to) + '-12-31');
        var bar = el('rect', { class: 'coverage-bar', x: a, y: ry + 2, width: Math.max(1, b - a), height: 6 }, row);
        title(bar, layerName(l, dataSets));
      }
      title(name, layerName(l, dataSets));
    });

    return {
      points: points.length,
      eraBands: eras.length,
      eraLabelRows: rowsEnd.length,
      negotiationMarks: negotiations.length,
      partialPoints: partialPoints,
      uncoveredYears: uncoveredYears,
      coverageRows: layers.length,
    };
  }

  // The note under the chart: which data sets do not cover the whole range, from what the server says they cover.
  function coverageNote(data, args) {
    var layers = [{ name: 'the record (negotiations, war plans, perceptions)', from: 1815, to: 1949 }].concat(
      (data.dataSets || [])
        .filter(function (d) {
          return d.coverage && STRIP.indexOf(d.name) >= 0;
        })
        .map(function (d) {
          return { name: d.name + ' ' + d.version, from: d.coverage.from, to: d.coverage.to };
        }),
    );
    var gaps = layers
      .filter(function (l) {
        return l.from > args.from || l.to < args.to;
      })
      .sort(function (a, b) {
        return a.to - b.to || a.from - b.from;
      })
      .map(function (l) {
        if (l.to < args.from || l.from > args.to)
          return l.name + ' (' + l.from + '–' + l.to + ') covers none of these years';
        var parts = [];
        if (l.from > args.from) parts.push('begins in ' + l.from);
        if (l.to < args.to) parts.push('ends in ' + l.to);
        return l.name + ' ' + parts.join(' and ');
      });
    if (!gaps.length) return 'Every data set behind these figures covers the whole range.';
    return (
      'Not every data set covers the whole range: ' +
      gaps.join('; ') +
      '. A figure resting only on data that do not cover a year is not covered there (hatched, no point); one resting partly on them is drawn dashed, with a hollow point. The strip under the axis shows the years each data set covers.'
    );
  }

  // "United Kingdom (UKG, 200)" → 200; a bare number is a ccode; else a name or abbreviation in the list.
  function ccodeOf(text) {
    var t = String(text || '').trim();
    if (/^\d{1,3}$/.test(t)) return Number(t);
    var m = /\((?:[A-Z]{3}, )?(\d{1,3})\)\s*$/.exec(t);
    if (m) return Number(m[1]);
    var low = t.toLowerCase();
    var hit = states.filter(function (s) {
      return (s.name || '').toLowerCase() === low || (s.abbrev || '').toLowerCase() === low;
    })[0];
    if (!hit)
      hit = states.filter(function (s) {
        return low && (s.name || '').toLowerCase().indexOf(low) === 0;
      })[0];
    return hit ? hit.ccode : null;
  }
  function stateText(ccode) {
    var s = states.filter(function (x) {
      return x.ccode === ccode;
    })[0];
    return s ? s.name + ' (' + s.abbrev + ', ' + s.ccode + ')' : String(ccode);
  }

  // The searchable list: every state the graph holds, a page at a time.
  async function loadStates() {
    var after = null;
    for (var guard = 0; guard < 20; guard++) {
      var json = await page.runQuery('states', { after: after });
      if (!json.data) return;
      json.data.states.edges.forEach(function (e) {
        states.push(e.node);
      });
      if (!json.data.states.pageInfo.hasNextPage) break;
      after = json.data.states.pageInfo.endCursor;
    }
    var list = $('state-list');
    states.forEach(function (s) {
      var o = document.createElement('option');
      o.value = s.name + ' (' + s.abbrev + ', ' + s.ccode + ')';
      list.appendChild(o);
    });
    view.states = states.length;
  }

  function readForm() {
    var year = function (id) {
      var v = $(id).value.trim();
      return v === '' ? null : Number(v);
    };
    return { state: ccodeOf($('state').value), from: year('from'), to: year('to'), step: $('step').value };
  }

  async function load(args) {
    view.ready = false;
    view.error = null;
    $('status').className = '';
    if (args.state === null) {
      view.error = 'no state of that name, abbreviation or ccode';
      $('status').className = 'error';
      $('status').textContent = view.error;
      view.loads += 1;
      view.ready = true;
      return;
    }
    $('status').textContent =
      'computing ' +
      (args.step === 'YEAR'
        ? args.from !== null && args.to !== null
          ? args.to - args.from + 1 + ' years'
          : 'the years of the data'
        : 'the eras') +
      '…';
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
    var pts = json.data.outsideOptionsSeries;
    // The range drawn: the one asked, or the data's years the server filled in.
    var drawn = {
      state: args.state,
      from: args.from !== null ? args.from : pts.length ? Number(pts[0].from.slice(0, 4)) : json.data.analysisSpan.from,
      to:
        args.to !== null
          ? args.to
          : pts.length
            ? Number(pts[pts.length - 1].to.slice(0, 4))
            : json.data.analysisSpan.to,
      step: args.step,
    };
    $('from').value = drawn.from;
    $('to').value = drawn.to;
    var query = 'state=' + drawn.state + '&from=' + drawn.from + '&to=' + drawn.to + '&step=' + drawn.step;
    $('csv').href = '/export/options-series?' + query + '&download';
    $('explore').href = page.explorerHref('series', drawn);
    history.replaceState(null, '', '/options?' + query);
    $('details').innerHTML =
      '<h2>Details</h2><p>Hover over a point or a negotiation mark; click a point for its details and the query behind them.</p>';
    last = { data: json.data, args: drawn };
    $('coverage-note').textContent = coverageNote(json.data, drawn); // before drawing: it takes its height from the chart
    var figures = draw(json.data, drawn);
    $('title-state').textContent =
      '— ' + json.data.state.name + ' (' + json.data.state.abbrev + ', ' + json.data.state.ccode + ')';
    if (document.activeElement !== $('state')) $('state').value = stateText(drawn.state);
    $('status').textContent =
      figures.points +
      ' points, ' +
      figures.eraBands +
      ' eras, ' +
      figures.negotiationMarks +
      ' negotiations, in ' +
      Math.round(performance.now() - t0) +
      ' ms';
    Object.assign(view, figures, { state: drawn.state, from: drawn.from, to: drawn.to, step: drawn.step });
    view.loads += 1;
    view.ready = true;
  }

  $('controls').addEventListener('submit', function (e) {
    e.preventDefault();
    load(readForm());
  });
  // Redrawn at the chart's new size when its box changes (the window, the legend wrapping).
  var resizing = null,
    drawnSize = '';
  new ResizeObserver(function () {
    var svg = $('chart');
    var size = svg.clientWidth + 'x' + svg.clientHeight;
    if (!last || size === drawnSize) return;
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      drawnSize = size;
      draw(last.data, last.args);
    }, 100);
  }).observe($('chart'));

  (async function start() {
    await page.loadQueries('/options/queries.json');
    var params = new URLSearchParams(location.search);
    var int = function (name) {
      var v = Number(params.get(name));
      return params.get(name) !== null && params.get(name) !== '' && Number.isInteger(v) ? v : null;
    };
    var statesLoaded = loadStates();
    var args = {
      state: int('state') !== null ? int('state') : 200,
      from: int('from'),
      to: int('to'),
      step: params.get('step') === 'ERA' ? 'ERA' : 'YEAR',
    };
    $('state').value = args.state;
    $('step').value = args.step;
    await load(args);
    await statesLoaded;
    if (document.activeElement !== $('state')) $('state').value = stateText(view.state || args.state);
  })();
})();
