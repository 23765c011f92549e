// Where a screening stands today (GET api/v1/screenings/{id}/status) and the look-up of a patient by the clinic's
// own reference (GET api/v1/clearances): in plain words, and whether the patient may be booked.

import { readJson } from './api.js';
import { element, format } from './dom.js';
import { formatDate } from './result.js';

/** The contract's rule: a patient may be booked exactly when the status is ELIGIBLE or CLEARED. */
export function mayBeBooked(status) {
    return status === 'ELIGIBLE' || status === 'CLEARED';
}

/** "Cleared until 30 June 2027", "Pending review", …: the status in words, with its date where it has one. */
export function statusText(status, validUntil, strings, language) {
    const template = strings[`screeningStatus.${status}`] || status;
    if (!validUntil || !template.includes('{date}')) {
        return [template.replace('{date}', '').trim()];
    }
    const [before, after] = template.split('{date}');
    return [before, formatDate(validUntil, language), after];
}

function conditionsOf(reviews) {
    const latest = reviews && reviews.length ? reviews[reviews.length - 1] : null;
    return latest && latest.decision === 'CLEARED' && latest.conditions.length ? latest.conditions : [];
}

function statusLine(status, strings, language) {
    return element('p', { className: `screening-status status-${status.status}`, dataset: { status: status.status } },
        element('strong', {}, `${strings.statusLabel}: `), ...statusText(status.status, status.validUntil, strings,
            language));
}

function conditionList(conditions, strings) {
    return conditions.length ? [element('p', { className: 'status-conditions-title' }, strings.statusConditions),
        element('ul', { className: 'status-conditions' }, ...conditions.map((text) => element('li', {}, text)))] : [];
}

/** A status line for a result on the page, or null when the service cannot say (then the result stands alone). */
export async function screeningStatusPart(api, screeningId, strings, language) {
    try {
        const response = await api.screeningStatus(screeningId, language);
        const status = await readJson(response);
        if (!response.ok || !status || !status.status) {
            return null;
        }
        return element('div', { className: 'status-part', id: 'result-status' },
            statusLine(status, strings, language), ...conditionList(conditionsOf(status.reviews), strings));
    } catch {
        return null;
    }
}

/** The patient look-up form: its answer goes to a live region, a problem beside the reference field. */
export function createLookup(api, form, output) {
    let strings = {};
    let language = 'en';
    const input = form.elements.patientReference;
    const error = document.getElementById('lookup-reference-error');

    // The questionnaire has a patientReference field of its own, so the form's field helpers would find that one.
    function showError(message) {
        error.textContent = message;
        error.hidden = false;
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', 'lookup-reference-help lookup-reference-error');
        input.focus();
    }

    function clearError() {
        error.textContent = '';
        error.hidden = true;
        input.removeAttribute('aria-invalid');
        input.setAttribute('aria-describedby', 'lookup-reference-help');
    }

    function say(...children) {
        output.replaceChildren(...children);
        output.focus();
    }

    async function lookUp(event) {
        event.preventDefault();
        clearError();
        output.replaceChildren();
        const reference = input.value.trim();
        if (!reference) {
            showError(strings.lookupRequired);
            return;
        }
        let response;
        try {
            response = await api.clearance(reference, language);
        } catch {
            say(element('p', {}, strings.networkError));
            return;
        }
        const body = await readJson(response);
        if (response.status === 404) {
            say(element('p', { className: 'lookup-answer', dataset: { found: 'false' } },
                format(strings.lookupNone, { reference })));
            return;
        }
        if (!response.ok || !body || !body.status) {
            const violation = ((body && body.violations) || []).find((v) => v.field === 'patientReference');
            if (violation) {
                showError(violation.message);
                return;
            }
            say(element('p', {}, (body && body.detail) || format(strings.unexpectedResponse,
                { status: response.status })));
            return;
        }
        const bookable = mayBeBooked(body.status);
        const details = await screeningStatusDetails(body.screeningId);
        say(element('div', { className: 'lookup-answer', dataset: { found: 'true', status: body.status } },
            element('p', { className: 'lookup-patient' }, format(strings.lookupPatient, { reference })),
            statusLine(body, strings, language),
            element('p', { className: `booking booking-${bookable ? 'yes' : 'no'}`, dataset: { bookable } },
                bookable ? strings.lookupBookable : strings.lookupNotBookable),
            ...conditionList(conditionsOf(details && details.reviews), strings),
            element('p', { className: 'help' }, `${strings.screeningId}: `,
                element('code', { className: 'lookup-screening' }, body.screeningId))));
    }

    async function screeningStatusDetails(screeningId) {
        try {
            const response = await api.screeningStatus(screeningId, language);
            return response.ok ? await readJson(response) : null;
        } catch {
            return null;
        }
    }

    form.addEventListener('submit', lookUp);
    return {
        setLanguage(pageStrings, pageLanguage) {
            strings = pageStrings;
            language = pageLanguage;
        },
        clear() {
            input.value = '';
            clearError();
            output.replaceChildren();
        },
    };
}
