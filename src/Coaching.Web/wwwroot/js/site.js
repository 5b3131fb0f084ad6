// Small progressive enhancements; every page works without them.
(function () {
    "use strict";

    // Fill the commune suggestions when a 5-digit postcode is typed.
    document.querySelectorAll("datalist[data-communes-for]").forEach(function (list) {
        var input = document.getElementById(list.getAttribute("data-communes-for"));
        if (!input) return;
        input.addEventListener("input", function () {
            var postcode = input.value.trim();
            if (!/^[0-9]{5}$/.test(postcode)) return;
            fetch("/reference/communes?postcode=" + encodeURIComponent(postcode), { credentials: "same-origin" })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (communes) {
                    list.replaceChildren.apply(list, communes.map(function (commune) {
                        var option = document.createElement("option");
                        option.value = commune.nom;
                        return option;
                    }));
                })
                .catch(function () { /* suggestions only: the server checks the commune anyway */ });
        });
    });

    // Select the whole invitation link on focus so that it is easy to copy.
    document.querySelectorAll("input.copy-field").forEach(function (field) {
        field.addEventListener("focus", function () { field.select(); });
    });
})();
