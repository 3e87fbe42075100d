// hsmgate console: small progressive enhancements; every flow also works without this script.
(function () {
    'use strict';

    // Long operations (test, validate, push) run synchronously on the server: say so and stop double submits.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var submitter = event.submitter;
        var progress = (submitter && submitter.getAttribute('data-progress')) || form.getAttribute('data-progress');
        if (submitter && submitter.name) {
            // disabled buttons are not submitted: carry the pressed button's value in a hidden field
            var carried = document.createElement('input');
            carried.type = 'hidden';
            carried.name = submitter.name;
            carried.value = submitter.value;
            form.appendChild(carried);
        }
        form.querySelectorAll('button').forEach(function (button) { button.disabled = true; });
        if (progress) {
            var target = submitter || form.querySelector('button');
            if (target) {
                target.textContent = progress;
            }
            form.classList.add('hsmgate-busy');
        }
    });

    // Token discovery: "Use" fills the token serial number and clears the other token selectors in place.
    document.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('button[data-token-serial]');
        if (!button) {
            return;
        }
        event.preventDefault();
        var form = button.form;
        form.querySelector('#field-tokenSerialNumber').value = button.getAttribute('data-token-serial');
        form.querySelector('#field-tokenLabel').value = '';
        form.querySelector('#field-slotNumber').value = '';
        form.querySelector('#field-tokenSerialNumber').focus();
    });

    // "Store in HSM" shows the HSM fields or the PEM fields; "Authenticate" shows PIN and user type; a proxy
    // server's listener checkbox shows that listener's fields (their values stay in the form while hidden).
    function toggle(checkboxId, showWhenChecked, showWhenUnchecked) {
        var box = document.getElementById(checkboxId);
        if (!box) {
            return;
        }
        function apply() {
            document.querySelectorAll(showWhenChecked).forEach(function (row) {
                row.classList.toggle('hsmgate-hidden', !box.checked);
            });
            if (showWhenUnchecked) {
                document.querySelectorAll(showWhenUnchecked).forEach(function (row) {
                    row.classList.toggle('hsmgate-hidden', box.checked);
                });
            }
        }
        box.addEventListener('change', apply);
        apply();
    }
    toggle('field-storeInHsm', '.hsmgate-hsm-only', '.hsmgate-pem-only');
    toggle('field-authenticate', '#row-pin, #row-userType', null);
    toggle('field-tlsListener', '.hsmgate-tls-listener', null);
    toggle('field-sshListener', '.hsmgate-ssh-listener', null);

    // PEM upload: read a chosen file into the text area, so the form stays a plain urlencoded POST.
    document.querySelectorAll('input[type=file][data-pem-target]').forEach(function (input) {
        input.addEventListener('change', function () {
            var file = input.files && input.files[0];
            var target = document.getElementById(input.getAttribute('data-pem-target'));
            if (!file || !target) {
                return;
            }
            var reader = new FileReader();
            reader.onload = function () { target.value = reader.result; };
            reader.readAsText(file);
        });
    });
})();
