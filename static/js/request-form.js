// The publication request's page: show the sections of the chosen kind of content as soon as
// it is chosen. Without JavaScript the server shows the saved kind's sections (after a save).
(function () {
  "use strict";

  function show(kind) {
    document.querySelectorAll(".kind-section").forEach(function (section) {
      section.hidden = section.dataset.kind !== kind;
    });
    var hint = document.getElementById("kind-hint");
    if (hint) {
      hint.hidden = Boolean(kind);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var select = document.getElementById("id_kind");
    if (!select) {
      return;
    }
    show(select.value);
    select.addEventListener("change", function () {
      show(select.value);
    });
  });
})();
