// A "Copy link" button beside each entry's permanent link. Without JavaScript the link
// itself is still there to follow or copy by hand.
(function () {
  "use strict";

  function confirm(button, text) {
    var status = button.nextElementSibling;
    status.textContent = text;
    window.setTimeout(function () { status.textContent = ""; }, 4000);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http (a local server): the old way, through a hidden text field.
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var done = document.execCommand("copy");
      document.body.removeChild(field);
      done ? resolve() : reject(new Error("copy refused"));
    });
  }

  function enhance(root) {
    root.querySelectorAll("a[data-copy]").forEach(function (link) {
      if (link.dataset.enhanced) return;
      link.dataset.enhanced = "yes";
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dossier-copy md-button";
      button.textContent = "Copy link";
      button.setAttribute("aria-label", "Copy the permanent link " + link.dataset.copy);
      var status = document.createElement("span");
      status.className = "dossier-copy-status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        copy(link.dataset.copy).then(
          function () { confirm(button, "Link copied"); },
          function () { confirm(button, "Could not copy: select the link instead"); }
        );
      });
      link.parentNode.appendChild(button);
      link.parentNode.appendChild(status);
    });
  }

  // Material replaces the page content on instant navigation; document$ announces each page.
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { enhance(document); });
  } else {
    enhance(document);
  }
})();
