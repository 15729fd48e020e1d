// The light/dark switch of overrides/partials/palette.html, run as the header is read: each
// option's input carries its colours; its label (the button shown) switches to the next one.
(function () {
  "use strict";
  var form = document.currentScript.previousElementSibling;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  var system = matchMedia("(prefers-color-scheme: light)");
  var colourScheme = document.createElement("meta");
  colourScheme.name = "color-scheme";
  document.head.appendChild(colourScheme);

  function systemIndex() {
    var index = inputs.findIndex(function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches; });
    return Math.max(0, index);
  }

  // A switch once the page is shown: Material's CSS holds colour transitions meanwhile, so that
  // nothing is seen (or checked) half-way between the two schemes.
  function switchTo(index) {
    document.body.setAttribute("data-md-color-switching", "");
    var color = show(index);
    setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
    return color;
  }

  function show(index) {
    var input = inputs[index];
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
      if (document.body.getAttribute("data-md-color-" + key) !== color[key]) document.body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (other, at) {
      other.checked = at === index;
      if (other.nextElementSibling) other.nextElementSibling.hidden = at !== index;
    });
    colourScheme.content = color.scheme === "slate" ? "dark" : "light";
    return color;
  }

  // Kept where both editions read it (Material's own place is each edition's root).
  var site = new URL(form.getAttribute("data-dossier-scope"), location);
  var chosen = __md_get("__palette", localStorage, site);
  show(chosen && inputs[chosen.index] ? chosen.index : systemIndex());
  system.addEventListener("change", function () {
    if (!__md_get("__palette", localStorage, site)) switchTo(systemIndex());
  });
  inputs.forEach(function (input, index) {
    input.addEventListener("change", function () {
      __md_set("__palette", { index: index, color: switchTo(index) }, localStorage, site);
    });
  });
  // Enter on the focused option switches, as Space does on a button.
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = inputs[(inputs.indexOf(document.activeElement) + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });
})();
