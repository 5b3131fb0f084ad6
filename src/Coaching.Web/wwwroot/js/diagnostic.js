// Diagnostic wizard: saves each answer as soon as it changes, and shows or hides conditional questions.
// Without this script the step's buttons save the whole step: nothing depends on it.
(function () {
    'use strict';
    var form = document.querySelector('form[data-autosave-url]');
    if (!form || !window.fetch || !window.FormData) return;
    var url = form.getAttribute('data-autosave-url');
    var tokenInput = form.querySelector('input[name="__RequestVerificationToken"]');
    var globalStatus = document.getElementById('autosave-status');
    var progressLabel = document.getElementById('progress-label');
    var progressBar = document.getElementById('progression');

    // The progress label sits in an aria-live region: it is read out as answers are saved.
    function setProgress(progress) {
        if (!progress) return;
        if (progressLabel && progressLabel.textContent !== progress.label) progressLabel.textContent = progress.label;
        if (progressBar) {
            progressBar.value = progress.percent;
            progressBar.textContent = progress.percent + '\u00a0%';
        }
    }

    function setStatus(fieldset, message, isError) {
        var status = fieldset.querySelector('[data-status]');
        if (status) {
            status.textContent = message;
            status.classList.toggle('save-status--error', !!isError);
        }
        if (globalStatus && isError) globalStatus.textContent = message;
    }

    function collect(fieldset) {
        var data = new FormData();
        fieldset.querySelectorAll('input, textarea').forEach(function (input) {
            if (!input.name) return;
            if ((input.type === 'radio' || input.type === 'checkbox') && !input.checked) return;
            // The endpoint reads a list of answers: this one is sent as the first.
            data.append(input.name.replace(/^Answers\[\d+\]/, 'Answers[0]'), input.value);
        });
        return data;
    }

    function save(fieldset) {
        setStatus(fieldset, 'Enregistrement…', false);
        fetch(url, {
            method: 'POST',
            body: collect(fieldset),
            credentials: 'same-origin',
            headers: { 'X-CSRF-TOKEN': tokenInput ? tokenInput.value : '', 'Accept': 'application/json' }
        }).then(function (response) {
            return response.json().then(function (body) { return { ok: response.ok, status: response.status, body: body }; });
        }).then(function (result) {
            var answer = result.body.answers && result.body.answers[0];
            if (answer && answer.version) fieldset.querySelector('[data-version]').value = answer.version;
            setProgress(result.body.progress);
            if (result.ok) {
                setStatus(fieldset, 'Enregistré', false);
            } else {
                setStatus(fieldset, (answer && answer.error) || result.body.message, true);
            }
        }).catch(function () {
            setStatus(fieldset, 'Pas de connexion : cette réponse sera enregistrée avec le bouton « Enregistrer » ou en passant à l\'étape suivante.', true);
        });
    }

    function updateConditions() {
        form.querySelectorAll('fieldset[data-condition-question]').forEach(function (fieldset) {
            var code = fieldset.getAttribute('data-condition-question');
            if (!code) return;
            var parent = form.querySelector('fieldset[data-question="' + code + '"]');
            if (!parent) return; // The question it depends on is on another step: the server decided.
            var option = fieldset.getAttribute('data-condition-option');
            var chosen = Array.prototype.some.call(parent.querySelectorAll('input:checked'), function (input) { return input.value === option; });
            fieldset.hidden = !chosen;
        });
    }

    var pending = new WeakMap();
    form.addEventListener('change', function (event) {
        var fieldset = event.target.closest('fieldset.question');
        if (!fieldset) return;
        updateConditions();
        clearTimeout(pending.get(fieldset));
        pending.set(fieldset, setTimeout(function () { save(fieldset); }, 150));
    });
    updateConditions();
})();
