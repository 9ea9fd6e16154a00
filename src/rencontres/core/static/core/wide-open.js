// <details data-open-when-wide>: folded on a phone, unfolded on a wide screen, where there is room.
// Without JavaScript the panel stays folded and its summary opens it. No inline script (the site's CSP).
(function () {
  "use strict";
  var wide = window.matchMedia("(min-width: 48em)");
  function apply() {
    document.querySelectorAll("details[data-open-when-wide]").forEach(function (panel) {
      if (wide.matches) panel.open = true;
    });
  }
  apply();
  wide.addEventListener("change", apply);
})();
