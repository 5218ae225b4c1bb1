// The analytics page's charts: one uPlot per figure, drawn from /console/analytics/data for the
// period the page shows, and resized with their boxes (down to a phone's width).
(function () {
  "use strict";
  var box = document.getElementById("charts");
  if (!box || typeof uPlot === "undefined") {
    return;
  }
  var DAY = 86400;
  var charts = [];

  function dayStamp(isoDate) {
    // Days are the report's (its time zone's); shown on a UTC axis so every browser labels them alike.
    return Date.parse(isoDate + "T00:00:00Z") / 1000;
  }

  function width(el) {
    return Math.max(200, Math.floor(el.clientWidth));
  }

  function bars(align) {
    return uPlot.paths.bars({ size: [0.8, 48], align: align || 0 });
  }

  function fromZero(u, min, max) {
    // Counts and amounts: bars stand on zero, and an all-zero period still has a sensible scale.
    return [0, max > 0 ? max * 1.1 : 1];
  }

  function chart(id, options, data) {
    var el = document.getElementById(id);
    options.scales.y = { range: fromZero };
    options.width = width(el);
    options.height = 220;
    options.legend = { show: true, live: false };
    options.cursor = { drag: { x: false, y: false } };
    var plot = new uPlot(options, data, el);
    charts.push({ el: el, plot: plot });
    return plot;
  }

  function dayAxis() {
    return { space: 40, values: function (u, ticks) {
      return ticks.map(function (t) { return new Date(t * 1000).toISOString().slice(5, 10); });
    } };
  }

  function dayScale(days) {
    var first = days.length ? dayStamp(days[0].date) : 0;
    var last = days.length ? dayStamp(days[days.length - 1].date) : DAY;
    return { time: false, range: function () { return [first - DAY / 2, last + DAY / 2]; } };
  }

  function draw(report) {
    var days = report.days;
    var x = days.map(function (d) { return dayStamp(d.date); });
    var answered = days.map(function (d) { return d.answered; });
    var unanswered = days.map(function (d) { return d.calls - d.answered; });
    var minutes = days.map(function (d) { return Math.round(d.talkSeconds / 6) / 10; });
    var cost = days.map(function (d) { return Number(d.amount.amount); });
    var money = function (u, v) { return v == null ? "" : report.currency + " " + v.toFixed(2); };

    chart("chart-calls", {
      scales: { x: dayScale(days) },
      axes: [dayAxis(), { size: 44 }],
      series: [{ value: function (u, v) { return v == null ? "" : new Date(v * 1000).toISOString().slice(0, 10); } },
        { label: "Answered", fill: "#2e7d32", stroke: "#2e7d32", paths: bars(-1), points: { show: false } },
        { label: "Not answered", fill: "#c62828", stroke: "#c62828", paths: bars(1), points: { show: false } }]
    }, [x, answered, unanswered]);

    chart("chart-minutes", {
      scales: { x: dayScale(days) },
      axes: [dayAxis(), { size: 44 }],
      series: [{}, { label: "Talk minutes", fill: "#1f6feb", stroke: "#1f6feb", paths: bars(), points: { show: false } }]
    }, [x, minutes]);

    chart("chart-cost", {
      scales: { x: dayScale(days) },
      axes: [dayAxis(), { size: 60 }],
      series: [{}, { label: "Call cost (" + report.currency + ")", value: money, fill: "#8e44ad", stroke: "#8e44ad",
        paths: bars(), points: { show: false } }]
    }, [x, cost]);

    var retailers = report.retailers;
    var names = retailers.map(function (r) { return r.name || r.retailerId || "(no retailer)"; });
    chart("chart-retailers", {
      scales: { x: { time: false, range: function () { return [-0.5, Math.max(1, retailers.length) - 0.5]; } } },
      axes: [{ space: 30, values: function (u, ticks) {
        return ticks.map(function (t) {
          var n = names[t];
          return Number.isInteger(t) && n ? (n.length > 16 ? n.slice(0, 15) + "…" : n) : "";
        });
      } }, { size: 60 }],
      series: [{ value: function (u, v) { return v == null ? "" : names[v] || ""; } },
        { label: "Call cost (" + report.currency + ")", value: money, fill: "#e67e22", stroke: "#e67e22",
          paths: bars(), points: { show: false } }]
    }, [retailers.map(function (r, i) { return i; }), retailers.map(function (r) { return Number(r.amount.amount); })]);
    box.setAttribute("data-drawn", String(charts.length));
  }

  var pending = null;
  function resize() {
    if (pending) {
      cancelAnimationFrame(pending);
    }
    pending = requestAnimationFrame(function () {
      charts.forEach(function (c) { c.plot.setSize({ width: width(c.el), height: 220 }); });
    });
  }

  var url = "/console/analytics/data?from=" + encodeURIComponent(box.dataset.from)
      + "&to=" + encodeURIComponent(box.dataset.to);
  fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
    .then(function (r) {
      if (r.redirected || (r.headers.get("Content-Type") || "").indexOf("json") < 0) {
        // The console login expired: the filter sent the request to the sign-in page.
        throw new Error("Your console session has ended: reload the page to sign in again.");
      }
      if (!r.ok) {
        throw new Error("The chart data could not be loaded (" + r.status + ").");
      }
      return r.json();
    })
    .then(function (report) {
      draw(report);
      if (typeof ResizeObserver !== "undefined") {
        new ResizeObserver(resize).observe(box);
      } else {
        window.addEventListener("resize", resize);
      }
    })
    .catch(function (e) {
      var p = document.getElementById("chart-error");
      p.textContent = e.message;
      p.hidden = false;
    });
})();
