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

    // « Copier le lien »: copies the field it names and says so in the status line after it.
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
        var field = document.getElementById(button.getAttribute("data-copy"));
        var status = document.getElementById(button.getAttribute("data-copy") + "-copie");
        if (!field || !navigator.clipboard) return;
        button.hidden = false;
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(field.value).then(function () {
                if (status) status.textContent = "Lien copié.";
            }, function () {
                field.select();
                if (status) status.textContent = "Copie impossible : le lien est sélectionné, copiez-le avec Ctrl+C.";
            });
        });
    });

    // Invitation form: only the fields of the chosen role are shown (the server checks them all the same).
    var role = document.getElementById("Role");
    var roleParts = document.querySelectorAll("[data-for-role]");
    if (role && roleParts.length) {
        var showRoleParts = function () {
            roleParts.forEach(function (part) { part.hidden = part.getAttribute("data-for-role") !== role.value; });
        };
        role.addEventListener("change", showRoleParts);
        showRoleParts();
    }

    // Select the whole invitation link on focus so that it is easy to copy.
    document.querySelectorAll("input.copy-field").forEach(function (field) {
        field.addEventListener("focus", function () { field.select(); });
    });
})();
