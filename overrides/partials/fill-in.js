// What a page shows that only the reader's browser knows, written as the page is read, right
// after its content and before it is first laid out, so that nothing shown moves: where the
// build knew no published address, each permanent link written from the site's root is
// completed by the address the reader found the site at (a longer line, which moved the text
// below it once shown: Lighthouse's layout shift); and today's date in each citation
// ("3 December 2026", written here: Intl's date formatting would first load its locale data).
(function () {
  "use strict";
  var MONTHS = {
    en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  };
  var content = document.currentScript.parentNode;
  content.querySelectorAll("a[data-copy='']").forEach(function (link) {
    link.dataset.copy = link.href.replace(/index\.html$/, "");
    (link.closest(".dossier-entry") || content).querySelectorAll(".dossier-address").forEach(function (address) {
      address.textContent = link.dataset.copy + (address.dataset.version ? "#v-" + address.dataset.version : "");
    });
  });
  var now = new Date();
  var months = MONTHS[document.documentElement.lang] || MONTHS.en;
  var today = now.getDate() + " " + months[now.getMonth()] + " " + now.getFullYear();
  content.querySelectorAll(".dossier-accessed").forEach(function (accessed) { accessed.textContent = today; });
})();
