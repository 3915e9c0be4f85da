// A little enhancement; every page works without it.
// Brushing the timeline: drag across the bars to narrow the search to a range of months.
(function () {
  document.querySelectorAll(".timeline svg[data-months]").forEach(function (svg) {
    var months = svg.dataset.months.split(",");
    var brush = svg.querySelector(".brush");
    var start = null, moved = false;
    function monthAt(evt) {
      var box = svg.getBoundingClientRect();
      var i = Math.floor((evt.clientX - box.left) / box.width * months.length);
      return Math.max(0, Math.min(months.length - 1, i));
    }
    function draw(a, b) {
      var w = svg.viewBox.baseVal.width / months.length;
      brush.setAttribute("x", Math.min(a, b) * w);
      brush.setAttribute("width", (Math.abs(b - a) + 1) * w);
    }
    svg.addEventListener("mousedown", function (evt) { start = monthAt(evt); moved = false; evt.preventDefault(); });
    svg.addEventListener("mousemove", function (evt) {
      if (start === null) return;
      var here = monthAt(evt);
      if (here !== start) moved = true;
      if (moved) draw(start, here);
    });
    window.addEventListener("mouseup", function (evt) {
      if (start === null) return;
      var a = start, b = monthAt(evt);
      start = null;
      if (!moved) return;  // a plain click follows the bar's own link
      var lo = months[Math.min(a, b)], hi = months[Math.max(a, b)];
      var base = (svg.dataset.query || "").replace(/(^|\s)date:\S+/gi, " ").trim();
      window.location.href = "/search?q=" + encodeURIComponent((base + " date:" + lo + ".." + hi).trim());
    });
    svg.addEventListener("click", function (evt) { if (moved) evt.preventDefault(); }, true);
  });
})();
