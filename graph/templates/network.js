/* ofsted-kg network page: draws the embedded network with vis-network and explains it.
   Every text from the data reaches the page through textContent or vis-network's
   tooltips (innerText); nothing is ever parsed as HTML. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("okg-data").textContent);
  var TYPE_ORDER = {person: 0, authority: 1, organisation: 2, inspection: 3, article: 4, statement: 5, finding: 6};
  var typeLabel = {}, typePlural = {}, gradeLabel = {};
  DATA.legend.types.forEach(function (t) { typeLabel[t.key] = t.label; typePlural[t.key] = t.plural; });
  DATA.legend.grades.forEach(function (g) { gradeLabel[g.key] = g.label; });

  var byId = {};
  DATA.nodes.forEach(function (n) {
    byId[n.id] = n;
    var grade = n.type === "inspection" ? "\noverall grade: " + gradeLabel[n.group.slice("inspection-".length)] : "";
    n.title = n.name + "\n" + typeLabel[n.type] + grade;
  });
  DATA.edges.forEach(function (e) { e.title = e.name + (e.count ? " (" + e.count + " times)" : ""); });

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, DATA.options);
  // For readers who script the page (and its tests): the network, its data, and focusing a node.
  window.okg = {network: network, nodes: nodes, edges: edges, focus: focusNode};

  // --- small DOM helpers (text only) ---------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  // add(parent, child, ...) appends elements and strings (as text) and returns the parent;
  // put(parent, child) appends one element and returns the child.
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === "") { continue; }
      parent.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return parent;
  }
  function put(parent, child) { parent.appendChild(child); return child; }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function link(ref) {
    if (!ref) { return null; }
    if (!byId[ref.id]) { return el("span", null, ref.label); }
    var a = el("a", "node", ref.label);
    a.tabIndex = 0;
    a.setAttribute("role", "link");
    a.addEventListener("click", function () { focusNode(ref.id); });
    a.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { focusNode(ref.id); } });
    return a;
  }
  var gradeColour = {};
  DATA.legend.grades.forEach(function (g) { gradeColour[g.key] = g.colour; });
  function badge(grade, label) {
    var b = el("span", "grade " + grade, label || gradeLabel[grade]);
    b.style.background = gradeColour[grade] || "#999999";
    return b;
  }
  function section(parent, title, count) {
    return add(parent, el("h3", null, count === undefined ? title : title + " (" + count + ")"));
  }
  function factRows(parent) {
    var table = put(parent, el("table", "rows"));
    return function (name, value) {
      if (value) { add(table, add(el("tr"), el("td", null, name), add(el("td"), value))); }
    };
  }

  // --- the panel -----------------------------------------------------------------------
  function sourceLine(ids) {
    var line = el("div", "source");
    (ids || []).forEach(function (id, i) {
      var s = DATA.sources[id] || {label: id};
      var parts = [s.title || s.label, s.outlet ? s.outlet.label : (s.kind === "reference document" ? null : "outlet not known"),
                   s.date || "date not known"].filter(Boolean);
      add(line, i ? "; " : "— ", byId[id] ? link({id: id, label: parts[0]}) : parts[0], parts.length > 1 ? ", " + parts.slice(1).join(", ") : "");
    });
    return line;
  }
  function quote(id, speakerShown, sourceShown) {
    var q = DATA.statements[id];
    var box = el("div", "quote");
    var who = el("div", "who");
    if (!speakerShown && q.speaker) { add(who, link(q.speaker)); }
    if (q.as) { add(who, (who.firstChild ? " " : "") + "(" + q.as + ")"); }
    var about = (q.about || []).filter(function (a) { return !speakerShown || a.id !== speakerShown; });
    if (about.length) {
      add(who, who.firstChild ? " about " : "About ");
      about.forEach(function (a, i) { add(who, i ? ", " : "", link(a)); });
    }
    if (who.firstChild) { add(box, who); }
    add(box, el("blockquote", null, q.text), sourceShown ? null : sourceLine(q.sources));
    return box;
  }
  function quotes(parent, title, ids, speakerShown) {
    if (!ids || !ids.length) { return; }
    section(parent, title, ids.length);
    ids.forEach(function (id) { add(parent, quote(id, speakerShown)); });
  }
  function roleRows(parent, title, rows) {
    if (!rows || !rows.length) { return; }
    section(parent, title, rows.length);
    var ul = put(parent, el("ul"));
    rows.forEach(function (r) {
      var words = r.title || r.role || "member";
      add(ul, add(el("li"), link(r.who), " — " + words, r.role && r.title && r.role !== r.title ? " (" + r.role + ")" : "",
                  sourceLine(r.sources)));
    });
  }
  function inspectionTable(parent, title, rows) {
    if (!rows || !rows.length) { return; }
    section(parent, title, rows.length);
    var table = put(parent, el("table", "rows"));
    rows.forEach(function (r) {
      var tr = put(table, el("tr"));
      add(tr, el("td", null, r.date || "date not known"), add(el("td"), link({id: r.id, label: r.type || r.label})),
          add(el("td"), badge(r.grade, r.gradeLabel || gradeLabel[r.grade])));
    });
  }
  function refList(parent, title, refs) {
    if (!refs || !refs.length) { return; }
    section(parent, title, refs.length);
    var ul = put(parent, el("ul"));
    refs.forEach(function (r) { add(ul, add(el("li"), link(r))); });
  }
  function sources(parent, title, ids) {
    if (!ids || !ids.length) { return; }
    section(parent, title, ids.length);
    var ul = put(parent, el("ul"));
    ids.forEach(function (id) { add(ul, add(el("li"), sourceLine([id]))); });
  }

  var PANELS = {
    person: function (d, p, id) {
      roleRows(d, "Roles", p.roles);
      inspectionTable(d, "Inspections led", p.led);
      quotes(d, "What they said", p.quotes, id);
      if (!p.quotes.length) { add(d, el("p", "hint", "No quotes from this person in the sources.")); }
    },
    authority: function (d, p, id) {
      inspectionTable(d, "Inspections over time", p.inspections);
      if (p.interventions.length) {
        section(d, "Interventions", p.interventions.length);
        p.interventions.forEach(function (x) {
          var by = el("span");
          x.by.forEach(function (b, i) { add(by, i ? ", " : "", link(b)); });
          add(d, add(el("p"), x.date ? x.date + ": " : "", x.label, x.appointee ? " — appointed: " : "", link(x.appointee),
                     by.firstChild ? " (by " : "", by.firstChild ? by : null, by.firstChild ? ")" : "", sourceLine(x.sources)));
        });
      }
      roleRows(d, "People", p.people);
      quotes(d, "What the council said", p.quotes, id);
      quotes(d, "Said about the council", p.quotesAbout, id);
    },
    inspection: function (d, p, id) {
      var row = factRows(d);
      row("Council", link(p.authority));
      row("Type", p.type);
      p.dates.forEach(function (pair) { row(pair[0], pair[1]); });
      if (p.lead.length) {
        var leads = el("span");
        p.lead.forEach(function (l, i) { add(leads, i ? ", " : "", link(l)); });
        row("Lead inspector", leads);
      }
      if (p.grades.length) {
        section(d, "Grades", p.grades.length);
        var table = put(d, el("table", "rows"));
        p.grades.forEach(function (g) { add(table, add(el("tr"), el("td", null, g.area), add(el("td"), badge(g.grade, g.gradeLabel)))); });
      } else {
        add(d, el("p", "hint", "Not graded: a visit without grades, or no source gives its grades."));
      }
      if (p.findings.length) {
        var total = p.findings.reduce(function (n, k) { return n + k.items.length; }, 0);
        section(d, "Findings", total);
        p.findings.forEach(function (group) {
          add(d, el("h4", null, group.kind + " (" + group.items.length + ")"));
          group.items.forEach(function (f) {
            var box = put(d, el("div", "finding"));
            add(box, el("strong", null, f.label));
            if (f.text) { add(box, el("div", "text", f.text)); }
            var about = [f.area, f.themes.join(", ")].filter(Boolean).join(" · ");
            if (about) { add(box, el("div", "source", about)); }
          });
        });
      }
      quotes(d, "Said about this inspection", p.quotesAbout);
      sources(d, "Reported in", p.sources);
    },
    organisation: function (d, p, id) {
      roleRows(d, "People", p.people);
      quotes(d, "What they said", p.quotes, id);
      quotes(d, "Said about them", p.quotesAbout, id);
      refList(d, "Articles published", p.articles);
    },
    article: function (d, p) {
      var s = DATA.sources[p.source];
      var row = factRows(d);
      row("Headline", s.title);
      row("Outlet", s.outlet ? link(s.outlet) : "not known");
      row("Published", s.date || "not known");
      if (s.url && /^https?:\/\//.test(s.url)) {
        var a = el("a", null, s.url);
        a.href = s.url;
        a.rel = "noopener noreferrer";
        a.target = "_blank";
        row("Address", a);
      }
      row("Text in this project", s.file);
      if (p.quotesIn.length) {
        section(d, "Quotes in it", p.quotesIn.length);
        p.quotesIn.forEach(function (q) { add(d, quote(q, null, true)); });
      }
    },
    statement: function (d, p) { add(d, quote(p.statement)); },
    finding: function (d, p) {
      var row = factRows(d);
      row("Inspection", link(p.inspection));
      row("Kind", p.kind);
      row("Area", p.area);
      row("Themes", p.themes.join(", "));
      if (p.text) { add(d, el("blockquote", null, p.text)); }
      quotes(d, "Said about it", p.quotesAbout);
      sources(d, "Reported in", p.sources);
    }
  };

  function showNode(id) {
    var d = $("details");
    clear(d);
    if (network.isCluster(id)) { return showGroup(id); }
    var n = byId[id];
    if (!n) { return; }
    add(d, el("h2", null, n.name));
    var kind = add(el("p", "kind"), typeLabel[n.type]);
    if (n.type === "inspection") {
      var grade = n.group.slice("inspection-".length);
      add(kind, " · overall ", badge(grade));
    }
    var p = DATA.panels[id] || {};
    if (p.kind) { add(kind, " · " + p.kind); }
    add(d, kind);
    PANELS[n.type](d, p, id);
  }

  // --- groups (big pages open clustered) -------------------------------------------------
  var groupMembers = {};
  DATA.nodes.forEach(function (n) { (groupMembers[n.cluster] = groupMembers[n.cluster] || []).push(n.id); });
  function groupName(key) {
    if (byId[key]) { return byId[key].name; }
    if (DATA.clusters[key]) { return DATA.clusters[key]; }
    var type = key.indexOf("type:") === 0 ? key.slice(5) : null;
    return type ? "Other: " + (typeLabel[type] || type) : key;
  }
  function clusterGroups() {
    var keys = Object.keys(groupMembers).filter(function (k) { return groupMembers[k].length > 1; }).sort();
    keys.forEach(function (key, i) {
      var members = {};
      groupMembers[key].forEach(function (id) { members[id] = true; });
      var head = byId[key];
      var name = groupName(key) + " (" + groupMembers[key].length + ")";
      network.cluster({
        joinCondition: function (options) { return members[options.id] === true; },
        clusterNodeProperties: {
          id: "group:" + key, label: name, name: name, title: name + "\nDouble-click to open",
          group: head ? head.group : "organisation", shape: head ? head.shape : "dot",
          value: groupMembers[key].length, borderWidth: 3
        }
      }, i === keys.length - 1);
    });
  }
  function openGroup(clusterId) {
    var key = clusterId.slice("group:".length);
    network.openCluster(clusterId, {releaseFunction: function (centre, positions) {
      var ids = Object.keys(positions).sort();
      var ring = ids.filter(function (id) { return id !== key; });
      var radius = 50 + 16 * Math.sqrt(ring.length), out = {};
      ring.forEach(function (id, i) {
        var angle = 2 * Math.PI * i / ring.length;
        out[id] = {x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle)};
      });
      if (positions[key]) { out[key] = {x: centre.x, y: centre.y}; }
      return out;
    }});
  }
  function showGroup(clusterId) {
    var d = $("details");
    var key = clusterId.slice("group:".length);
    var members = groupMembers[key] || [];
    add(d, el("h2", null, groupName(key)), el("p", "kind", "A group of " + members.length + " nodes"));
    var counts = {};
    members.forEach(function (id) { counts[byId[id].type] = (counts[byId[id].type] || 0) + 1; });
    var ul = put(d, el("ul"));
    Object.keys(counts).sort(function (a, b) { return TYPE_ORDER[a] - TYPE_ORDER[b]; }).forEach(function (t) {
      add(ul, el("li", null, counts[t] + " " + (counts[t] === 1 ? typeLabel[t] : typePlural[t])));
    });
    var button = put(d, el("button", null, "Open this group"));
    button.type = "button";
    button.addEventListener("click", function () { openGroup(clusterId); clear(d); if (byId[key]) { focusNode(key); } });
  }

  // --- selecting and finding nodes ---------------------------------------------------------
  var labelled = [];
  function labelEdges(id) {
    if (labelled.length) { edges.update(labelled.map(function (e) { return {id: e, label: ""}; })); }
    labelled = network.getConnectedEdges(id).filter(function (e) { return edges.get(e) !== null; });
    edges.update(labelled.map(function (e) { return {id: e, label: edges.get(e).name}; }));
  }
  function reveal(id) {
    var n = nodes.get(id);
    if (n && n.hidden) { setTypeShown(n.type, true); }
    var path = network.findNode(id);
    for (var i = 0; i < path.length - 1; i++) {
      if (network.isCluster(path[i])) { openGroup(path[i]); }
    }
  }
  function focusNode(id) {
    if (!byId[id]) { return; }
    reveal(id);
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.1), animation: {duration: 450, easingFunction: "easeInOutQuad"}});
    labelEdges(id);
    showNode(id);
  }
  network.on("click", function (params) {
    if (params.nodes.length) {
      var id = params.nodes[0];
      if (!network.isCluster(id)) { labelEdges(id); }
      showNode(id);
    }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length && network.isCluster(params.nodes[0])) { openGroup(params.nodes[0]); }
  });

  // --- search --------------------------------------------------------------------------------
  var searchIndex = DATA.nodes.map(function (n) {
    return {id: n.id, name: n.name, folded: n.name.toLowerCase().replace(/\s+/g, " "), type: n.type};
  });
  var input = $("search"), results = $("results"), active = -1, shown = [];
  function matches(text) {
    var q = text.toLowerCase().replace(/\s+/g, " ").trim();
    if (!q) { return []; }
    var found = [];
    searchIndex.forEach(function (item) {
      var at = item.folded.indexOf(q);
      if (at < 0) { return; }
      var rank = at === 0 ? 0 : /[\s\-‘'"(]/.test(item.folded.charAt(at - 1)) ? 1 : 2;
      found.push({item: item, rank: rank});
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || TYPE_ORDER[a.item.type] - TYPE_ORDER[b.item.type] ||
        (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0);
    });
    return found.slice(0, 12).map(function (f) { return f.item; });
  }
  function closeResults() {
    results.hidden = true;
    input.setAttribute("aria-expanded", "false");
    active = -1;
  }
  function pick(item) {
    closeResults();
    input.value = item.name;
    focusNode(item.id);
  }
  function renderResults() {
    clear(results);
    shown = matches(input.value);
    if (!input.value.trim()) { closeResults(); return; }
    if (!shown.length) {
      add(results, el("li", "none", "No name contains “" + input.value.trim() + "”"));
    }
    shown.forEach(function (item, i) {
      var li = put(results, el("li"));
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", i === active ? "true" : "false");
      add(li, el("span", null, item.name), el("span", "type", typeLabel[item.type]));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(item); });
    });
    results.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }
  input.addEventListener("input", function () { active = -1; renderResults(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!shown.length) { return; }
      active = (active + (ev.key === "ArrowDown" ? 1 : shown.length - 1)) % shown.length;
      renderResults();
      ev.preventDefault();
    } else if (ev.key === "Enter") {
      var list = matches(input.value);
      if (list.length) { pick(list[active >= 0 ? active : 0]); }
      ev.preventDefault();
    } else if (ev.key === "Escape") {
      closeResults();
    }
  });
  input.addEventListener("blur", closeResults);

  // --- legend: each type's shape and colour, with a box to show or hide it; grade colours -----
  var SVG = "http://www.w3.org/2000/svg";
  function glyph(shape, colour) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "14");
    svg.setAttribute("height", "14");
    svg.setAttribute("viewBox", "0 0 14 14");
    var points = {
      diamond: "7,1 13,7 7,13 1,7", triangle: "7,1 13,12 1,12", triangleDown: "1,2 13,2 7,13",
      hexagon: "3.5,1.5 10.5,1.5 13,7 10.5,12.5 3.5,12.5 1,7",
      star: "7,1 8.8,5.2 13,5.4 9.7,8.2 10.8,12.8 7,10.3 3.2,12.8 4.3,8.2 1,5.4 5.2,5.2"
    }[shape];
    var shapeEl;
    if (points) {
      shapeEl = document.createElementNS(SVG, "polygon");
      shapeEl.setAttribute("points", points);
    } else if (shape === "square") {
      shapeEl = document.createElementNS(SVG, "rect");
      shapeEl.setAttribute("x", "2"); shapeEl.setAttribute("y", "2");
      shapeEl.setAttribute("width", "10"); shapeEl.setAttribute("height", "10");
    } else {
      shapeEl = document.createElementNS(SVG, "circle");
      shapeEl.setAttribute("cx", "7"); shapeEl.setAttribute("cy", "7"); shapeEl.setAttribute("r", "5.5");
    }
    shapeEl.setAttribute("fill", colour);
    shapeEl.setAttribute("stroke", "#333");
    shapeEl.setAttribute("stroke-width", "0.8");
    svg.appendChild(shapeEl);
    return svg;
  }
  function renderLegend() {
    var legend = $("legend");
    add(legend, el("h2", null, "Show"));
    DATA.legend.types.forEach(function (t) {
      var box = el("input");
      box.type = "checkbox";
      box.checked = true;
      box.id = "filter-" + t.key;
      box.addEventListener("change", function () { setTypeShown(t.key, box.checked); });
      add(legend, add(el("label"), box, glyph(t.shape, t.key === "inspection" ? "#ffffff" : t.colour),
                      t.label + " (" + t.count + ")"));
    });
    add(legend, el("h2", null, "Inspection colour: overall grade"));
    var grades = el("div", "grades");
    DATA.legend.grades.forEach(function (g) { add(grades, add(el("span"), glyph("diamond", g.colour), g.label)); });
    add(legend, grades);
  }
  function setTypeShown(type, shownNow) {
    var box = $("filter-" + type);
    if (box) { box.checked = shownNow; }
    nodes.update(DATA.nodes.filter(function (n) { return n.type === type; })
      .map(function (n) { return {id: n.id, hidden: !shownNow}; }));
  }

  // --- page furniture ------------------------------------------------------------------------
  if (DATA.note) { $("note").textContent = DATA.note; $("note").hidden = false; }
  $("fit").addEventListener("click", function () { network.fit({animation: {duration: 400}}); });
  $("timeline-toggle").addEventListener("click", function () {
    var box = $("timeline"), open = box.hidden;
    box.hidden = !open;
    this.setAttribute("aria-pressed", open ? "true" : "false");
  });
  renderLegend();

  // --- layout: a fixed number of steps from a fixed seed, then everything stays still ---------
  network.on("stabilizationProgress", function (p) {
    $("status").textContent = "Laying out the network… " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    $("status").hidden = true;
    document.body.setAttribute("data-state", "ready");
  });
  if (DATA.clustered) { clusterGroups(); }
  network.stabilize(DATA.stabilise);
})();
