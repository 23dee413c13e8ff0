// While an agent types a title, show up to five similar entries (the same list the server shows on a
// confirmation step when JavaScript is off). With the list shown live, that step is not needed.
(function () {
  "use strict";
  var title = document.getElementById("Input_Title");
  var region = document.getElementById("similar");
  var checked = document.getElementById("Input_SimilarChecked");
  if (!title || !region || !checked || !window.fetch) return;
  checked.value = "true";
  var timer = null;
  var last = "";
  function refresh() {
    var text = title.value.trim();
    if (text === last) return;
    last = text;
    if (text.length < 4) { region.innerHTML = ""; return; }
    fetch(region.getAttribute("data-similar-url") + "?title=" + encodeURIComponent(text), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (html) { if (title.value.trim() === text) region.innerHTML = html; })
      .catch(function () { /* suggestions are a help, not a requirement */ });
  }
  title.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(refresh, 350);
  });
  if (title.value.trim().length >= 4) refresh();
})();
