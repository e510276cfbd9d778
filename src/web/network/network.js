// The network page: draws /export/cytoscape?at=… with Cytoscape.js (canvas, no WebGL, no build step).
// window.networkState tells tests (and the curious) what is drawn:
// {at, nodes, alliances, negotiations, ready, loads, layout, blocs, complete, uncovered, labelPx}.
// Labels keep their size on screen whatever the zoom (LABEL_PX); the default layout ("blocs") draws
// each group of allied states as its own cluster and the states without an ally in a grid below.
// Queries, explorer links and the details box: window.page (page.js, from src/web/shared/).
(function () {
  'use strict';
  var NEGOTIATION_YEARS = 5;
  // Label sizes on screen, in CSS pixels (major powers a little larger), whatever the zoom.
  var LABEL_PX = 12,
    MAJOR_LABEL_PX = 14;
  var $ = page.byId;
  var params = new URLSearchParams(location.search);
  var state = (window.networkState = {
    at: null,
    nodes: 0,
    alliances: 0,
    negotiations: 0,
    ready: false,
    loads: 0,
    layout: null,
    blocs: 0,
    complete: null,
    uncovered: [],
    labelPx: LABEL_PX,
  });

  var cy = (window.cy = cytoscape({
    container: $('cy'),
    minZoom: 0.2,
    maxZoom: 4,
    wheelSensitivity: 0.3,
    style: [
      {
        selector: 'node',
        style: {
          width: 'mapData(size, 4, 30, 8, 60)',
          height: 'mapData(size, 4, 30, 8, 60)',
          'background-color': '#95a5a6',
          label: 'data(label)',
          'font-size': LABEL_PX,
          color: '#222',
          'text-valign': 'bottom',
          'text-margin-y': 2,
          'text-outline-color': '#fff',
          'text-outline-width': 2,
          'text-outline-opacity': 0.85,
        },
      },
      {
        selector: 'node[?majorPower]',
        style: {
          'background-color': '#2c3e50',
          'border-width': 3,
          'border-color': '#f1c40f',
          'font-weight': 'bold',
          'font-size': MAJOR_LABEL_PX,
        },
      },
      {
        selector: 'edge',
        style: {
          'line-color': 'data(colour)',
          width: 'mapData(level, 1, 4, 1, 4)',
          'curve-style': 'bezier',
          opacity: 0.8,
        },
      },
      { selector: 'edge[kind = "negotiation"]', style: { width: 2, 'line-style': 'solid', opacity: 0.9 } },
      { selector: 'edge[?dashed]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
      { selector: ':selected', style: { 'overlay-color': '#f39c12', 'overlay-opacity': 0.25 } },
    ],
  }));

  // Positions by region: states on a ring in COW-code order (Americas, Europe, Africa, Middle East,
  // Asia), major powers on an inner ring, evenly spaced so that neighbours do not overlap.
  function ringPositions() {
    var pos = {};
    [
      [cy.nodes('[?majorPower]'), 220],
      [cy.nodes('[!majorPower]'), 480],
    ].forEach(function (ring) {
      var nodes = ring[0].sort(function (a, b) {
        return a.data('ccode') - b.data('ccode');
      });
      nodes.forEach(function (n, i) {
        var angle = (i / Math.max(nodes.length, 1)) * 2 * Math.PI - Math.PI / 2;
        pos[n.id()] = { x: ring[1] * Math.cos(angle), y: ring[1] * Math.sin(angle) };
      });
    });
    return pos;
  }

  // Blocs: the states joined by alliance ties (at the date) as clusters, the largest first, packed in
  // rows of boxes sized to their members; each cluster laid out by a force-directed pass (cose) from
  // a circle in ccode order, so the same date always gives the same picture; the states without an
  // ally in a grid below, in ccode order. Negotiation links do not pull states together.
  function blocLayout() {
    var alliances = cy.edges('[kind = "alliance"]');
    var comps = cy
      .nodes()
      .union(alliances)
      .components()
      .map(function (c) {
        return c.nodes().sort(function (a, b) {
          return a.data('ccode') - b.data('ccode');
        });
      });
    var blocs = comps
      .filter(function (c) {
        return c.length > 1;
      })
      .sort(function (a, b) {
        return b.length - a.length || a[0].data('ccode') - b[0].data('ccode');
      });
    var alone = cy
      .collection()
      .union(
        comps.filter(function (c) {
          return c.length === 1;
        }),
      )
      .sort(function (a, b) {
        return a.data('ccode') - b.data('ccode');
      });
    var width = Math.max(900, $('cy').clientWidth * 1.4);
    var cellFor = function (n) {
      return Math.max(160, Math.sqrt(n) * 165);
    };
    var x = 0,
      y = 0,
      rowH = 0;
    blocs.forEach(function (c) {
      var side = cellFor(c.length);
      if (x > 0 && x + side > width) {
        x = 0;
        y += rowH + 40;
        rowH = 0;
      }
      var cx = x + side / 2,
        cy0 = y + side / 2;
      c.forEach(function (n, i) {
        var a = (i / c.length) * 2 * Math.PI;
        n.position({ x: cx + (side / 3) * Math.cos(a), y: cy0 + (side / 3) * Math.sin(a) });
      });
      c.union(c.edgesWith(c).filter('[kind = "alliance"]'))
        .layout({
          name: 'cose',
          animate: false,
          randomize: false,
          fit: false,
          boundingBox: { x1: x, y1: y, w: side, h: side },
          nodeRepulsion: function () {
            return 60000;
          },
          idealEdgeLength: function () {
            return 90;
          },
          edgeElasticity: function () {
            return 60;
          },
          nodeOverlap: 20,
          gravity: 1,
          numIter: 1500,
        })
        .run();
      x += side + 40;
      rowH = Math.max(rowH, side);
    });
    var top = y + rowH + (blocs.length ? 70 : 0);
    var cols = Math.max(1, Math.floor(width / 70));
    alone.forEach(function (n, i) {
      n.position({ x: (i % cols) * 70 + 35, y: top + Math.floor(i / cols) * 55 });
    });
    return blocs.length;
  }

  function runLayout() {
    var name = $('layout').value;
    if (name === 'blocs') state.blocs = blocLayout();
    else cy.layout({ name: 'preset', positions: ringPositions(), fit: false }).run();
    state.layout = name;
    cy.fit(undefined, 50); // room for the labels, which keep their screen size (keepLabels)
    keepLabels();
  }

  // Labels at LABEL_PX on screen whatever the zoom: their size in the model is divided by the zoom.
  function keepLabels() {
    var z = cy.zoom();
    cy.batch(function () {
      cy.nodes('[!majorPower]').style('font-size', LABEL_PX / z);
      cy.nodes('[?majorPower]').style('font-size', MAJOR_LABEL_PX / z);
      cy.nodes().style('text-outline-width', 2 / z);
    });
  }
  cy.on('zoom', keepLabels);

  // Which layers cover the date, from the export's own `coverage` (src/domain/coverage.ts).
  var FIGURE_WORDS = {
    stateSystem: 'states',
    majorPowers: 'major powers',
    capabilities: 'capabilities',
    allianceTies: 'alliances',
    negotiations: 'negotiations',
  };
  function showCoverage(at, graphData) {
    var box = $('coverage');
    box.textContent = '';
    var layers = (graphData && graphData.coverage) || [];
    state.complete = graphData ? graphData.complete : null;
    state.uncovered = layers
      .filter(function (l) {
        return !l.covered;
      })
      .map(function (l) {
        return l.layer;
      });
    box.appendChild(document.createTextNode('Data on ' + at + ': '));
    layers.forEach(function (l, i) {
      var span = document.createElement('span');
      span.className = l.covered ? 'covered' : 'uncovered';
      span.setAttribute('data-layer', l.layer);
      var name = l.layer === 'record' ? 'the record' : l.layer + (l.version ? ' ' + l.version : '');
      var years = !l.imported ? 'not imported' : l.years ? l.years.from + '–' + l.years.to : 'no years';
      span.textContent =
        l.figures
          .map(function (f) {
            return FIGURE_WORDS[f] || f;
          })
          .join(', ') +
        ' — ' +
        name +
        ' (' +
        years +
        (l.covered ? ')' : ', not covering it)');
      box.appendChild(span);
      if (i < layers.length - 1) box.appendChild(document.createTextNode('; '));
    });
    if (state.complete === false)
      box.appendChild(
        document.createTextNode('. What rests only on data that do not cover the date is missing from the picture.'),
      );
  }

  function showNegotiations() {
    var on = $('negotiations').checked;
    cy.edges('[kind = "negotiation"]').style('display', on ? 'element' : 'none');
  }

  // The details of a state or a tie, followed by "In the explorer:" and a list of links to the queries behind them.
  function details(title, rows, links) {
    var after = document.createDocumentFragment();
    var p = document.createElement('p');
    p.textContent = 'In the explorer:';
    after.appendChild(p);
    after.appendChild(list(links));
    page.details(title, rows, after);
  }

  // A list of strings or nodes.
  function list(items) {
    var ul = document.createElement('ul');
    items.forEach(function (t) {
      var li = document.createElement('li');
      if (t instanceof Node) li.appendChild(t);
      else li.textContent = t;
      ul.appendChild(li);
    });
    return ul;
  }

  cy.on('tap', 'node', function (evt) {
    var n = evt.target.data();
    var allies = evt.target.connectedEdges('[kind = "alliance"]').map(function (e) {
      var other = e.source().id() === n.id ? e.target() : e.source();
      return other.data('abbrev') + ' (' + e.data('obligation').toLowerCase() + ')';
    });
    details(
      n.name,
      [
        ['COW code', n.ccode],
        ['abbreviation', n.abbrev],
        ['date', state.at],
        ['CINC', n.cinc === null ? null : n.cinc.toFixed(4)],
        ['major power', n.majorPower === null ? 'unknown' : n.majorPower ? 'yes' : 'no'],
        ['allies', allies.length ? list(allies) : 'none'],
      ],
      [
        page.explorerLink('state', { ccode: n.ccode, at: state.at }, 'this state at ' + state.at + ' (StateAt)'),
        page.explorerLink('network', { at: state.at }, 'the whole network at ' + state.at + ' (Network)'),
      ],
    );
  });

  cy.on('tap', 'edge', function (evt) {
    var e = evt.target.data();
    var a = evt.target.source().data();
    var b = evt.target.target().data();
    if (e.kind === 'negotiation') {
      details(
        e.negotiationName,
        [
          ['parties', a.abbrev + ' – ' + b.abbrev],
          ['outcome', e.outcome === 'NONAGREEMENT' ? 'failed (no treaty)' : 'agreement'],
          ['from', e.start],
          ['to', e.end],
        ],
        [page.explorerLink('negotiation', { id: e.negotiation }, 'this negotiation (NegotiationAt)')],
      );
      return;
    }
    details(
      a.abbrev + ' – ' + b.abbrev,
      [
        ['states', a.name + ' and ' + b.name],
        ['date', state.at],
        ['strongest obligation', e.obligation.toLowerCase().replace('_', '-')],
        ['treaties', list(e.treaties)],
        ['ATOP ids', e.atopIds.join(', ')],
      ],
      [
        page.explorerLink(
          'tie',
          { a: a.ccode, b: b.ccode, at: state.at, year: Number(state.at.slice(0, 4)) },
          'this tie, similarity and shared targets (Tie)',
        ),
        page.explorerLink('network', { at: state.at }, 'the whole network at ' + state.at + ' (Network)'),
      ],
    );
  });

  var pending = 0;
  async function load(at) {
    var ticket = ++pending;
    state.ready = false;
    var url = '/export/cytoscape?at=' + encodeURIComponent(at) + '&negotiations=' + NEGOTIATION_YEARS;
    var res = await page.fetchWhenFree(url, undefined, function (seconds) {
      if (ticket === pending)
        $('counts').textContent = 'the server is busy with another export: retrying in ' + seconds + ' s';
    });
    var json = await res.json();
    if (ticket !== pending) return;
    if (!res.ok) {
      $('counts').textContent = json.error || 'error';
      return;
    }
    $('details').innerHTML = '<h2>Details</h2><p>Click a state or a tie.</p>';
    cy.batch(function () {
      cy.elements().remove();
      cy.add(
        json.elements.nodes.map(function (n) {
          return { group: 'nodes', data: n.data };
        }),
      );
      cy.add(
        json.elements.edges.map(function (e) {
          return { group: 'edges', data: e.data };
        }),
      );
    });
    showNegotiations();
    runLayout();
    showCoverage(at, json.data);
    var alliances = json.elements.edges.filter(function (e) {
      return e.data.kind === 'alliance';
    }).length;
    var negotiations = json.elements.edges.length - alliances;
    $('at-label').textContent = 'on ' + at;
    $('counts').textContent =
      json.elements.nodes.length + ' states, ' + alliances + ' alliance ties, ' + negotiations + ' negotiation links';
    $('exports').innerHTML = '';
    ['gexf', 'graphml', 'cytoscape', 'graphology'].forEach(function (f) {
      var a = document.createElement('a');
      a.href = '/export/' + f + '?at=' + at + '&download';
      a.textContent = f;
      $('exports').appendChild(a);
      $('exports').appendChild(document.createTextNode(' '));
    });
    history.replaceState(null, '', '/network?at=' + at);
    state.at = at;
    state.nodes = json.elements.nodes.length;
    state.alliances = alliances;
    state.negotiations = negotiations;
    state.loads += 1;
    state.ready = true;
  }

  function setDate(at) {
    $('date').value = at;
    $('year').value = at.slice(0, 4);
    $('year-out').textContent = at.slice(0, 4);
    return load(at);
  }

  $('year').addEventListener('input', function () {
    $('year-out').textContent = this.value;
  });
  // The slider moves to 1 July of the year (mid-year, as the portfolio measures); the date box gives any day.
  $('year').addEventListener('change', function () {
    setDate(this.value + '-07-01');
  });
  $('date').addEventListener('change', function () {
    if (this.value) setDate(this.value);
  });
  $('negotiations').addEventListener('change', showNegotiations);
  $('layout').addEventListener('change', runLayout);
  $('era').addEventListener('change', function () {
    var opt = this.selectedOptions[0];
    if (opt && opt.dataset.start) setDate(opt.dataset.start);
  });

  (async function start() {
    await page.loadQueries('/network/queries.json');
    try {
      var answer = (await page.runQuery('eras')).data;
      var span = answer.analysisSpan;
      // The slider and the date box run over the years of the data (state-system data begin in 1816).
      $('year').max = String(span.to);
      $('date').max = span.to + '-12-31';
      var eras = answer.eras;
      eras.forEach(function (era) {
        var o = document.createElement('option');
        // An era opens at its start (or 1816-01-01, where the state system data begin).
        o.dataset.start = era.start < '1816-01-01' ? '1816-01-01' : era.start;
        o.textContent = era.name + ' (' + era.start.slice(0, 4) + '–' + (era.end ? era.end.slice(0, 4) : '') + ')';
        $('era').appendChild(o);
      });
    } catch (e) {
      /* eras are a convenience */
    }
    var at = params.get('at');
    if (at && /^\d{4}$/.test(at)) at = at + '-07-01';
    await setDate(at || '1914-06-28');
  })();
})();
