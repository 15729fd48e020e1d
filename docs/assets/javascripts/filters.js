// Narrow the timeline or the transfers by category, status, actor and year. The choice lives
// in the address (?category=military&actor=iran), so a filtered view can be sent as a link.
// Without JavaScript there is no form and every entry shows.
(function () {
  "use strict";

  var WORDS = {
    en: { category: "Category", status: "Status", actor: "Actor", year: "Year", any: "any", form: "Filter the entries", shown: "{shown} of {all} entries shown" },
    fr: { category: "Catégorie", status: "Statut", actor: "Acteur", year: "Année", any: "tous", form: "Filtrer les entrées", shown: "{shown} entrées affichées sur {all}" },
  };
  var words = WORDS[document.documentElement.lang] || WORDS.en;
  var FACETS = [
    { name: "category", label: words.category },
    { name: "status", label: words.status },
    { name: "actor", label: words.actor, attribute: "actors", many: true },
    { name: "year", label: words.year },
  ];
  // What a category or status is called in this edition (the page says, where it is not English).
  var labels = {};
  var table = document.getElementById("dossier-labels");
  if (table) labels = JSON.parse(table.textContent);

  function values(entry, facet) {
    var raw = entry.getAttribute("data-" + (facet.attribute || facet.name)) || "";
    return facet.many ? raw.split(" ").filter(Boolean) : [raw];
  }

  function actorName(id) {
    var link = document.querySelector('.md-content a[href*="/actors/' + id + '/"], .md-content a[href$="#' + id + '"]');
    return link ? link.textContent.trim() : id;
  }

  function build(entries) {
    var form = document.createElement("form");
    form.className = "dossier-filters";
    form.setAttribute("aria-label", words.form);
    FACETS.forEach(function (facet) {
      var seen = {};
      entries.forEach(function (entry) { values(entry, facet).forEach(function (v) { seen[v] = true; }); });
      var label = document.createElement("label");
      label.textContent = facet.label + " ";
      var select = document.createElement("select");
      select.name = facet.name;
      var any = document.createElement("option");
      any.value = "";
      any.textContent = words.any;
      select.appendChild(any);
      Object.keys(seen).sort().forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = facet.name === "actor" ? actorName(value) : labels[value] || value;
        select.appendChild(option);
      });
      label.appendChild(select);
      form.appendChild(label);
    });
    var count = document.createElement("output");
    count.className = "dossier-filters-count";
    count.setAttribute("aria-live", "polite");
    form.appendChild(count);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    return form;
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
    form.querySelector("output").textContent = words.shown.replace("{shown}", shown).replace("{all}", entries.length);
    var params = new URLSearchParams(window.location.search);
    FACETS.forEach(function (facet) {
      if (chosen[facet.name]) params.set(facet.name, chosen[facet.name]); else params.delete(facet.name);
    });
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function setUp() {
    var entries = Array.prototype.slice.call(document.querySelectorAll(".md-content .dossier-entry[data-category]"));
    if (!entries.length || document.querySelector(".dossier-filters")) return;
    var form = build(entries);
    var params = new URLSearchParams(window.location.search);
    FACETS.forEach(function (facet) {
      var wanted = params.get(facet.name);
      if (wanted && form.elements[facet.name].querySelector('option[value="' + CSS.escape(wanted) + '"]')) {
        form.elements[facet.name].value = wanted;
      }
    });
    var heading = document.querySelector(".md-content h1");
    heading.parentNode.insertBefore(form, heading.nextSibling);
    form.addEventListener("change", function () { apply(form, entries); });
    apply(form, entries);
  }

  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    setUp();
  }
})();
