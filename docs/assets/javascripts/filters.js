// Narrow the timeline or the transfers by category, status, actor and year. The form is on the
// page from the build (the generator lists each facet's choices, in the page's language), shown
// once scripts run (see the .no-js rule in dossier.css), so nothing moves when it comes. The
// choice lives in the address (?category=military&actor=iran), so a filtered view can be sent
// as a link. Without JavaScript there is no form and every entry shows.
(function () {
  "use strict";

  var FACETS = [
    { name: "category" },
    { name: "status" },
    { name: "actor", attribute: "actors", many: true },
    { name: "year" },
  ];

  function values(entry, facet) {
    var raw = entry.getAttribute("data-" + (facet.attribute || facet.name)) || "";
    return facet.many ? raw.split(" ").filter(Boolean) : [raw];
  }

  function apply(form, entries) {
    var chosen = {};
    FACETS.forEach(function (facet) { chosen[facet.name] = form.elements[facet.name].value; });
    var shown = 0;
    entries.forEach(function (entry) {
      var match = FACETS.every(function (facet) {
        return !chosen[facet.name] || values(entry, facet).indexOf(chosen[facet.name]) >= 0;
      });
      entry.hidden = !match;
      if (match) shown += 1;
      var id = entry.querySelector("h2[id], h3[id]").id;
      document.querySelectorAll('.md-content tr a[href="#' + id + '"]').forEach(function (link) {
        link.closest("tr").hidden = !match;
      });
    });
    // A section heading (a year, a direction) with nothing left under it goes too.
    document.querySelectorAll(".md-content h2[id]").forEach(function (heading) {
      var next = heading.nextElementSibling, any = false;
      while (next && next.tagName !== "H2") {
        if (next.classList.contains("dossier-entry") && !next.hidden) any = true;
        next = next.nextElementSibling;
      }
      heading.hidden = !any;
    });
    form.querySelector("output").textContent = form.getAttribute("data-count").replace("{shown}", shown).replace("{all}", entries.length);
    var params = new URLSearchParams(window.location.search);
    FACETS.forEach(function (facet) {
      if (chosen[facet.name]) params.set(facet.name, chosen[facet.name]); else params.delete(facet.name);
    });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function setUp() {
    var form = document.querySelector(".md-content .dossier-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "yes";
    var entries = Array.prototype.slice.call(document.querySelectorAll(".md-content .dossier-entry[data-category]"));
    var params = new URLSearchParams(window.location.search);
    var asked = false;
    FACETS.forEach(function (facet) {
      var wanted = params.get(facet.name);
      if (wanted === null) return;
      asked = true;
      if (form.elements[facet.name].querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        form.elements[facet.name].value = wanted;
      }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("change", function () { apply(form, entries); });
    // The page as built shows every entry; an address that asks for a choice is applied (and
    // what names nothing on this page is dropped from it).
    if (asked) apply(form, entries);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    setUp();
  }
})();
