// A job's progress without reloading: the page works without JavaScript (its "Actualiser" button);
// with it, the progress bar and the count follow the job every second, the step is announced when it
// changes (the status region), and the page reloads once the job has finished to show what came out.
(function () {
  "use strict";
  var panel = document.querySelector("section.job[data-status-url]");
  if (!panel || panel.getAttribute("data-finished") === "true" || !window.fetch) return;
  var url = panel.getAttribute("data-status-url");
  var step = document.getElementById("job-step");
  var bar = document.getElementById("job-progress");
  var count = document.getElementById("job-count");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (job) {
        if (job.finished) { window.location.reload(); return; }
        if (step && step.textContent !== job.step) step.textContent = job.step;
        if (bar && job.total > 0) {
          bar.max = job.total;
          bar.value = job.done;
          bar.textContent = Math.floor(job.done * 100 / job.total) + " %";
        }
        if (count) count.textContent = job.count;
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();
