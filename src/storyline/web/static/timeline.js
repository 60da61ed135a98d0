// The story timeline: a zoomable time axis drawn as SVG from the JSON the page carries.
// Labels come from articles, so text is only ever set with textContent, never as HTML.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000;
  var box = document.getElementById("timeline");
  var source = document.getElementById("timeline-data");
  if (!box || !source) return;
  var points = JSON.parse(source.textContent).map(function (p) {
    p.t = parseDate(p.date);
    return p;
  }).filter(function (p) { return p.t !== null; });
  if (!points.length) { box.style.display = "none"; return; }

  var view = { scale: 1, shift: 0 };
  var first = Math.min.apply(null, points.map(function (p) { return p.t; }));
  var last = Math.max.apply(null, points.map(function (p) { return p.t; }));
  var pad = Math.max((last - first) * 0.06, 3 * DAY);
  var t0 = first - pad, t1 = last + pad;

  function parseDate(text) {
    if (!text) return null;
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text);
    if (!m) return null;
    return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1);
  }
  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function x(t, width) { return ((t - t0) / (t1 - t0)) * width * view.scale + view.shift; }
  function tickStep(spanDays) {
    if (spanDays <= 21) return ["day", 1];
    if (spanDays <= 120) return ["day", 7];
    if (spanDays <= 900) return ["month", 1];
    if (spanDays <= 3000) return ["month", 3];
    return ["year", 1];
  }
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function ticks(width) {
    var from = t0 + (-view.shift / (width * view.scale)) * (t1 - t0);
    var to = from + (t1 - t0) / view.scale;
    var step = tickStep((to - from) / DAY);
    var d = new Date(from), out = [];
    d = new Date(Date.UTC(d.getUTCFullYear(), step[0] === "year" ? 0 : d.getUTCMonth(), step[0] === "day" ? d.getUTCDate() : 1));
    while (d.getTime() <= to && out.length < 200) {
      var label = step[0] === "day" ? d.getUTCDate() + " " + MONTHS[d.getUTCMonth()]
        : step[0] === "month" ? MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear() : String(d.getUTCFullYear());
      out.push([d.getTime(), label]);
      if (step[0] === "day") d = new Date(d.getTime() + step[1] * DAY);
      else if (step[0] === "month") d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step[1], 1));
      else d = new Date(Date.UTC(d.getUTCFullYear() + 1, 0, 1));
    }
    return out;
  }

  function draw() {
    var width = box.clientWidth || 800, height = box.clientHeight || 150, axisY = height - 28;
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": "timeline" });
    ticks(width).forEach(function (tick) {
      var tx = x(tick[0], width);
      svg.appendChild(el("line", { x1: tx, x2: tx, y1: 8, y2: axisY, "class": "tick" }));
      svg.appendChild(el("text", { x: tx + 3, y: axisY + 16, "class": "tick-label" }, tick[1]));
    });
    svg.appendChild(el("line", { x1: 0, x2: width, y1: axisY, y2: axisY, "class": "axis" }));
    var lanes = [[], [], []], stack = {};
    points.slice().sort(function (a, b) { return a.t - b.t; }).forEach(function (p) {
      var px = x(p.t, width), r = 4 + Math.min(Math.sqrt(p.size || 1) * 2, 12);
      if (px < -r || px > width + r) return;  // zoomed out of view
      // Points on the same spot stack upwards instead of hiding one another.
      var spot = Math.round(px / 6), level = stack[spot] || 0;
      stack[spot] = level + 1;
      var py = axisY - level * (2 * r + 3);
      var label = p.label.length > 48 ? p.label.slice(0, 47) + "…" : p.label;
      var span = label.length * 6.2 + 8;
      // Near the right edge a label reads leftwards so that it stays in view.
      var leftwards = px + span > width;
      var from = leftwards ? px - span : px, to = leftwards ? px : px + span;
      var lane = lanes.findIndex(function (taken) {
        return taken.every(function (seg) { return to < seg[0] || from > seg[1]; });
      });
      if (lane >= 0) {
        var ly = 22 + lane * 26;
        lanes[lane].push([from, to]);
        svg.appendChild(el("line", { x1: px, x2: px, y1: ly + 4, y2: py - r, "class": "stem" }));
        svg.appendChild(el("text", { x: leftwards ? px - 4 : px + 4, y: ly, "class": "dot-label",
          "text-anchor": leftwards ? "end" : "start" }, label));
      }
      var dot = el("circle", { cx: px, cy: py, r: r, "class": "dot", tabindex: 0, "data-index": p.index });
      dot.appendChild(el("title", {}, (p.date || "") + " — " + p.label));
      dot.addEventListener("click", function () { focus(p.index); });
      svg.appendChild(dot);
    });
    box.replaceChildren(svg);
  }

  function focus(index) {
    var entry = document.getElementById("entry-" + index);
    if (!entry) return;
    document.querySelectorAll(".entry.active").forEach(function (e) { e.classList.remove("active"); });
    entry.classList.add("active");
    entry.scrollIntoView({ behavior: "smooth", block: "center" });
  }
  function zoom(factor, atX) {
    var width = box.clientWidth || 800;
    var at = atX === undefined ? width / 2 : atX;
    var next = Math.min(Math.max(view.scale * factor, 1), 400);
    view.shift = at - ((at - view.shift) * next) / view.scale;
    view.scale = next;
    clamp(width);
    draw();
  }
  function clamp(width) {
    view.shift = Math.min(0, Math.max(view.shift, width - width * view.scale));
  }

  document.querySelectorAll("[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var what = button.getAttribute("data-zoom");
      if (what === "reset") { view.scale = 1; view.shift = 0; draw(); }
      else zoom(what === "in" ? 1.6 : 1 / 1.6);
    });
  });
  box.addEventListener("wheel", function (event) {
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      zoom(event.deltaY < 0 ? 1.25 : 0.8, event.offsetX);
    } else if (Math.abs(event.deltaX) > Math.abs(event.deltaY) || event.shiftKey) {
      event.preventDefault();
      view.shift -= event.deltaX || event.deltaY;
      clamp(box.clientWidth || 800);
      draw();
    }
  }, { passive: false });
  var drag = null;
  box.addEventListener("pointerdown", function (event) { drag = { x: event.clientX, shift: view.shift }; });
  window.addEventListener("pointerup", function () { drag = null; });
  window.addEventListener("pointermove", function (event) {
    if (!drag) return;
    view.shift = drag.shift + (event.clientX - drag.x);
    clamp(box.clientWidth || 800);
    draw();
  });
  window.addEventListener("resize", draw);
  draw();
})();
