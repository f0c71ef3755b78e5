// The financial dashboard's chart (Chart.js, vendored under static/vendor).
// The figures come from a JSON block in the page; the table beside the chart
// shows the same figures without it.
(function () {
  "use strict";
  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var numbers = function (list) { return list.map(Number); };
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: [
          { label: canvas.dataset.labelsRevenue, data: numbers(data.revenue), backgroundColor: "#0d6efd" },
          { label: canvas.dataset.labelsExpenses, data: numbers(data.expenses), backgroundColor: "#adb5bd" },
          { label: canvas.dataset.labelsProfit, data: numbers(data.profit), type: "line", borderColor: "#198754" }
        ]
      },
      options: { responsive: true, animation: false }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
