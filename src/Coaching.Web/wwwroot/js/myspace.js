// Merchant space: after « J'ai fait cette action » (or « Annuler »), focus moves to the confirmation shown next to the
// action, so that it is read out and the page is where the merchant was looking. Without script the URL's anchor scrolls there.
(function () {
    "use strict";
    var target = document.querySelector("[data-focus-on-load]");
    if (target) target.focus();
})();
