/* The network view: draws the page's graph (the JSON block #graph-data) with Cytoscape.js.
   Without JavaScript, or without the library, the page's lists stand alone. Nothing is
   fetched: the data is in the page, and the library is served from this site. */
(function () {
  "use strict";
  var frame = document.querySelector(".network-frame");
  var box = document.getElementById("network");
  var block = document.getElementById("graph-data");
  if (!frame || !box || !block || typeof window.cytoscape !== "function") {
    return;
  }
  var data = JSON.parse(block.textContent);
  var labels = data.labels || {};
  var started = window.performance.now();
  frame.hidden = false;
  var many = data.elements.nodes.length > 150;
  var cy = window.cytoscape({
    container: box,
    elements: data.elements,
    minZoom: 0.1,
    maxZoom: 3,
    style: [
      {selector: "node", style: {
        "label": many ? "" : "data(label)", "font-size": 9, "text-wrap": "ellipsis", "text-max-width": 120,
        "text-valign": "bottom", "text-margin-y": 3, "width": 18, "height": 18, "background-color": "#1565c0"}},
      {selector: "node[kind = 'organization']", style: {"shape": "round-rectangle", "background-color": "#2e7d32"}},
      {selector: "node[kind = 'event']", style: {"shape": "diamond", "background-color": "#ef6c00", "width": 14, "height": 14}},
      {selector: "node[id = '" + (data.data.centre || "-") + "']", style: {
        "border-width": 4, "border-color": "#111", "width": 28, "height": 28, "label": "data(label)", "font-weight": "bold"}},
      {selector: "node:selected, node.hover", style: {"label": "data(label)", "border-width": 3, "border-color": "#f9a825"}},
      {selector: "edge", style: {
        "width": 1.5, "line-color": "#90a4ae", "curve-style": "bezier", "target-arrow-shape": "triangle",
        "target-arrow-color": "#90a4ae", "arrow-scale": 0.7}},
      {selector: "edge[kind = 'mentioned']", style: {"line-style": "dashed", "line-color": "#cfd8dc", "target-arrow-shape": "none"}},
      {selector: "edge[kind = 'on_behalf_of']", style: {"line-color": "#8e24aa", "target-arrow-color": "#8e24aa"}},
      {selector: "edge:selected", style: {"width": 3, "line-color": "#f9a825", "target-arrow-color": "#f9a825"}}
    ],
    layout: {name: "cose", animate: false, randomize: false, numIter: many ? 300 : 1000, nodeDimensionsIncludeLabels: !many}
  });
  box.dataset.renderedMs = String(Math.round(window.performance.now() - started));
  var drawn = {};
  cy.nodes().forEach(function (node) { drawn[node.data("kind")] = (drawn[node.data("kind")] || 0) + 1; });
  drawn.links = cy.edges().length;
  box.dataset.drawn = JSON.stringify(drawn);
  box.dataset.ready = "1";
  window.qogamNetwork = cy;  // for the browser tests and the curious

  var detail = document.getElementById("network-detail");
  var sourceUrl = box.dataset.sourceUrl || "";

  function show(parts) {
    while (detail.firstChild) {
      detail.removeChild(detail.firstChild);
    }
    parts.forEach(function (part) { detail.appendChild(part); });
  }

  function text(tag, value) {
    var el = document.createElement(tag);
    el.textContent = value;
    return el;
  }

  cy.on("tap", "node", function (event) {
    var url = event.target.data("url");
    if (url) {
      window.location.href = url;
    }
  });
  cy.on("mouseover", "node", function (event) { event.target.addClass("hover"); });
  cy.on("mouseout", "node", function (event) { event.target.removeClass("hover"); });
  cy.on("tap", "edge", function (event) {
    var edge = event.target;
    var from = cy.getElementById(edge.data("source")).data("label");
    var to = cy.getElementById(edge.data("target")).data("label");
    var kind = labels[edge.data("kind")] || edge.data("kind");
    var parts = [text("p", from + " — " + kind + (edge.data("role") ? " (" + edge.data("role") + ")" : "") + " — " + to)];
    var sources = edge.data("sources") || [];
    if (sources.length) {
      var list = document.createElement("ul");
      sources.forEach(function (pk) {
        var item = document.createElement("li");
        var link = text("a", (data.titles && data.titles[pk]) || ("#" + pk));
        link.href = sourceUrl.replace(/0\/$/, pk + "/");
        item.appendChild(link);
        list.appendChild(item);
      });
      parts.push(list);
    } else {
      parts.push(text("p", box.dataset.noSources || ""));
    }
    show(parts);
  });
}());
