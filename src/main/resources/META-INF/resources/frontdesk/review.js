// The review queue, for a provider or a medical director: the clinic's referrals oldest first, each with its
// reasons in plain words and the answers behind them, and the form that records a decision on one.

import { readJson } from './api.js';
import { element, format, showAlertBox } from './dom.js';
import { clearFieldErrors, controlId, showFieldErrors } from './form.js';
import { formatDate, formatInstant } from './result.js';
import { statusText } from './status.js';

const REVIEW_ROLES = ['provider', 'medical-director'];
const DECISIONS = ['CLEARED', 'DECLINED', 'MORE_INFORMATION_NEEDED'];
const PAGE_SIZE = 20;
const MAX_CONDITIONS = 10;
const MAX_CONDITION = 200;
const MAX_RATIONALE = 2000;

export function mayReview(roles) {
    return REVIEW_ROLES.some((role) => roles.includes(role));
}

export function createReviewView(api) {
    const byId = (id) => document.getElementById(id);
    const nodes = {
        view: byId('review-view'), title: byId('review-title'), alert: byId('review-alert'),
        status: byId('review-status'), queue: byId('review-queue'), more: byId('review-more'),
        detail: byId('review-detail'), form: byId('review-form'), fields: byId('review-fields'),
        screening: byId('review-screening'), submit: byId('submit-review'), close: byId('close-review'),
    };
    const state = { language: 'en', loaded: false, items: [], nextCursor: null, open: null, sentConditions: [] };
    // Named as in the other modules, so that the page's string table test finds every key used here.
    let strings = {};

    function showAlert(title, detail, lines = []) {
        showAlertBox(nodes.alert, element('h3', { id: 'review-alert-title' }, title),
            detail ? element('p', {}, detail) : null,
            lines.length ? element('ul', {}, ...lines.map((line) => element('li', {}, line))) : null);
    }

    function hideAlert() {
        nodes.alert.hidden = true;
        nodes.alert.replaceChildren();
    }

    async function call(request) {
        try {
            return await request();
        } catch {
            showAlert(strings.reviewLoadFailed, strings.networkError);
            return null;
        }
    }

    /** The stored screening, for the answers behind each reason; null when it cannot be read. */
    async function storedScreening(screeningId) {
        try {
            const response = await api.screening(screeningId, state.language);
            return response.ok ? await readJson(response) : null;
        } catch {
            return null;
        }
    }

    async function loadPage(cursor) {
        const response = await call(() => api.reviewQueue(cursor, PAGE_SIZE, state.language));
        if (!response) {
            return null;
        }
        const page = await readJson(response);
        if (!response.ok || !page || !Array.isArray(page.items)) {
            showAlert((page && page.title) || strings.reviewLoadFailed, (page && page.detail)
                || format(strings.unexpectedResponse, { status: response.status }));
            return null;
        }
        const screenings = await Promise.all(page.items.map((item) => storedScreening(item.screeningId)));
        page.items.forEach((item, index) => {
            item.screening = screenings[index];
        });
        return page;
    }

    async function reload() {
        const page = await loadPage(null);
        if (!page) {
            return false;
        }
        state.items = page.items;
        state.nextCursor = page.nextCursor;
        state.loaded = true;
        renderQueue();
        return true;
    }

    async function showMore() {
        const page = await loadPage(state.nextCursor);
        if (!page) {
            return;
        }
        const first = state.items.length;
        state.items = state.items.concat(page.items);
        state.nextCursor = page.nextCursor;
        renderQueue();
        const opener = nodes.queue.querySelectorAll('.open-review')[first];
        if (opener) {
            opener.focus();
        } else {
            nodes.title.focus();
        }
    }

    function evidenceOf(item, code) {
        const reasons = item.screening && Array.isArray(item.screening.reasons) ? item.screening.reasons : [];
        const stored = reasons.find((reason) => reason.code === code);
        return stored && stored.evidence ? stored.evidence : [];
    }

    function reasonItem(item, reason) {
        const evidence = evidenceOf(item, reason.code);
        return element('li', { className: 'reason', dataset: { code: reason.code, outcome: reason.outcome } },
            element('p', { className: 'reason-head' },
                element('strong', { className: 'reason-label' }, strings[`reasonLabel.${reason.code}`] || reason.code),
                ' ', element('code', {}, reason.code)),
            element('p', { className: 'reason-message' }, reason.message),
            evidence.length ? element('p', { className: 'reason-detail reason-evidence' },
                `${strings.reviewAnswers}: `, evidence.join('; ')) : null);
    }

    function who(item) {
        return item.patientReference || item.externalReference || item.screeningId;
    }

    function queueItem(item, index) {
        const headingId = `queue-item-${index}`;
        const open = element('button', { type: 'button', className: 'open-review', dataset: { screeningId:
            item.screeningId } }, format(strings.reviewOpen, { patient: who(item) }));
        open.addEventListener('click', () => openReview(item));
        return element('li', { className: 'queue-item', dataset: { screeningId: item.screeningId, status:
            item.status }, attributes: { 'aria-labelledby': headingId } },
            element('h3', { id: headingId }, format(strings.reviewItemTitle, { patient: who(item) })),
            element('p', { className: 'queue-meta' },
                element('span', { className: `status-badge status-${item.status}` },
                    ...statusText(item.status, null, strings, state.language)),
                ' ', `${strings.reviewScreenedOn} `, formatInstant(item.evaluatedAt, state.language),
                ' · ', `${strings.asOf}: `, formatDate(item.asOf, state.language)),
            element('ul', { className: 'reasons' }, ...item.reasons.map((reason) => reasonItem(item, reason))),
            element('div', { className: 'actions' }, open));
    }

    function renderQueue() {
        nodes.queue.replaceChildren(state.items.length
            ? element('ol', { className: 'queue', attributes: { 'aria-label': strings.reviewQueueLabel } },
                ...state.items.map(queueItem))
            : element('p', { id: 'review-empty' }, strings.reviewEmpty));
        nodes.more.hidden = !state.nextCursor;
    }

    function decisionGroup() {
        const radios = DECISIONS.map((decision) => {
            const id = controlId(`decision-${decision}`);
            const input = element('input', { type: 'radio', name: 'decision', value: decision, id });
            input.addEventListener('change', followDecision);
            return element('div', { className: 'option' }, input,
                element('label', { htmlFor: id }, strings[`decision.${decision}`]));
        });
        return element('fieldset', { className: 'item', dataset: { path: 'decision' } },
            element('legend', {}, strings.reviewDecision, ' ',
                element('span', { className: 'required' }, `(${strings.required})`)),
            element('div', { className: 'options' }, ...radios),
            element('p', { className: 'field-error', id: controlId('decision', 'error'), hidden: true }));
    }

    function textItem(path, label, help, control) {
        control.id = controlId(path);
        control.name = path;
        if (help) {
            control.setAttribute('aria-describedby', controlId(path, 'help'));
        }
        return element('div', { className: 'item', dataset: { path } },
            element('label', { htmlFor: control.id }, ...label),
            help ? element('p', { className: 'help', id: controlId(path, 'help') }, help) : null,
            control,
            element('p', { className: 'field-error', id: controlId(path, 'error'), hidden: true }));
    }

    function conditionRow(index) {
        const path = `conditions[${index}]`;
        const input = element('input', { type: 'text', autocomplete: 'off' });
        input.maxLength = MAX_CONDITION;
        return element('div', { className: 'condition-row' }, textItem(path,
            [format(strings.reviewCondition, { number: index + 1 })], null, input));
    }

    function addCondition() {
        const rows = nodes.fields.querySelector('.condition-rows');
        const count = rows.children.length;
        if (count >= MAX_CONDITIONS) {
            return;
        }
        rows.append(conditionRow(count));
        rows.lastElementChild.querySelector('input').focus();
        nodes.fields.querySelector('.add-condition').disabled = count + 1 >= MAX_CONDITIONS;
    }

    function renderForm() {
        const rationale = element('textarea', { required: true });
        rationale.maxLength = MAX_RATIONALE;
        rationale.rows = 4;
        const validUntil = element('input', { type: 'date', disabled: true });
        const add = element('button', { type: 'button', id: 'add-condition', className: 'add-condition' },
            strings.reviewAddCondition);
        add.addEventListener('click', addCondition);
        nodes.fields.replaceChildren(
            decisionGroup(),
            textItem('rationale', [strings.reviewRationale, ' ', element('span', { className: 'required' },
                `(${strings.required})`)], strings.reviewRationaleHelp, rationale),
            element('fieldset', { className: 'item', dataset: { path: 'conditions' } },
                element('legend', {}, strings.reviewConditions),
                element('p', { className: 'help' }, strings.reviewConditionsHelp),
                element('div', { className: 'condition-rows' }, conditionRow(0)),
                element('p', { className: 'field-error', id: controlId('conditions', 'error'), hidden: true }),
                element('div', { className: 'actions' }, add)),
            textItem('validUntil', [strings.reviewValidUntil], strings.reviewValidUntilHelp, validUntil));
    }

    function followDecision() {
        const cleared = nodes.form.elements.decision.value === 'CLEARED';
        const validUntil = nodes.form.elements.validUntil;
        validUntil.disabled = !cleared;
        if (!cleared) {
            validUntil.value = '';
        }
    }

    function renderScreening(item) {
        const screening = item.screening;
        const rows = [
            ['reviewPatient', who(item)],
            ['screeningId', element('code', {}, item.screeningId)],
            ['asOf', formatDate(item.asOf, state.language)],
            ['evaluatedAt', formatInstant(item.evaluatedAt, state.language)],
        ];
        if (screening && screening.screenedBy) {
            rows.push(['screenedBy', screening.screenedBy.name]);
        }
        nodes.screening.replaceChildren(
            element('dl', { className: 'result-meta' }, ...rows.flatMap(([key, value]) => [
                element('dt', {}, strings[key]), element('dd', { dataset: { field: key } }, value)])),
            element('h4', {}, strings.reasonsHeading),
            element('ul', { className: 'reasons' }, ...item.reasons.map((reason) => reasonItem(item, reason))));
    }

    function openReview(item) {
        hideAlert();
        state.open = item;
        renderForm();
        renderScreening(item);
        const title = byId('review-detail-title');
        title.textContent = format(strings.reviewItemTitle, { patient: who(item) });
        nodes.detail.hidden = false;
        title.focus();
    }

    function closeReview() {
        const item = state.open;
        state.open = null;
        nodes.detail.hidden = true;
        nodes.fields.replaceChildren();
        nodes.screening.replaceChildren();
        const opener = item && nodes.queue.querySelector(`.open-review[data-screening-id="${CSS.escape(
            item.screeningId)}"]`);
        (opener || nodes.title).focus();
    }

    function collect() {
        const elements = nodes.form.elements;
        const body = { decision: elements.decision.value || null, rationale: elements.rationale.value.trim() };
        const conditions = [...nodes.fields.querySelectorAll('.condition-row input')]
            .filter((input) => input.value.trim());
        state.sentConditions = conditions.map((input) => input.name);
        if (conditions.length) {
            body.conditions = conditions.map((input) => input.value.trim());
        }
        if (body.decision === 'CLEARED' && elements.validUntil.value) {
            body.validUntil = elements.validUntil.value;
        }
        const slips = [];
        if (!body.decision) {
            slips.push({ field: 'decision', message: strings.reviewDecisionRequired });
        }
        if (!body.rationale) {
            slips.push({ field: 'rationale', message: strings.reviewRationaleRequired });
        }
        return { body, slips };
    }

    /** Each problem beside its field and the focus on the first; what names no field goes to the alert. */
    function showViolations(violations, problem) {
        const placed = violations.map((violation) => {
            const entry = /^conditions\[(\d+)]$/.exec(violation.field);
            const sent = entry ? state.sentConditions[Number(entry[1])] : null;
            return sent ? { ...violation, field: sent } : violation;
        });
        const links = showFieldErrors(nodes.form, placed, []);
        const unplaced = links.filter((link) => !link.targetId)
            .map(({ violation }) => `${violation.field}: ${violation.message}`);
        const first = links.find((link) => link.targetId);
        if (unplaced.length || !first) {
            showAlert((problem && problem.title) || strings.reviewFailed, problem && problem.detail, unplaced);
        }
        if (first) {
            byId(first.targetId).focus();
        }
    }

    async function submit(event) {
        event.preventDefault();
        hideAlert();
        clearFieldErrors(nodes.form);
        const item = state.open;
        const { body, slips } = collect();
        if (slips.length) {
            showViolations(slips);
            return;
        }
        nodes.submit.disabled = true;
        const response = await call(() => api.review(item.screeningId, body, state.language));
        nodes.submit.disabled = false;
        if (!response) {
            return;
        }
        const recorded = await readJson(response);
        if (response.status === 201 && recorded && recorded.decision) {
            state.open = null;
            nodes.detail.hidden = true;
            nodes.fields.replaceChildren();
            nodes.screening.replaceChildren();
            await reload();
            nodes.status.replaceChildren(element('p', {}, format(strings.reviewRecorded, { patient: who(item) }),
                ' ', ...statusText(recorded.decision, recorded.validUntil, strings, state.language)));
            nodes.status.focus();
            return;
        }
        if (recorded && recorded.violations && recorded.violations.length) {
            showViolations(recorded.violations, recorded);
            return;
        }
        showAlert((recorded && recorded.title) || strings.reviewFailed, (recorded && recorded.detail)
            || format(strings.unexpectedResponse, { status: response.status }));
    }

    nodes.form.addEventListener('submit', submit);
    nodes.close.addEventListener('click', closeReview);
    nodes.more.addEventListener('click', showMore);

    return {
        /** Shows the view in the page's language, loading the queue the first time and after a language change. */
        async show(pageStrings, language) {
            const changed = state.language !== language || !state.loaded;
            strings = pageStrings;
            state.language = language;
            nodes.view.hidden = false;
            if (changed) {
                hideAlert();
                nodes.status.replaceChildren();
                if (state.open) {
                    state.open = null;
                    nodes.detail.hidden = true;
                }
                await reload();
            }
        },
        hide() {
            nodes.view.hidden = true;
        },
        /** The session ended: nothing of any patient stays on the screen. */
        clear() {
            state.items = [];
            state.loaded = false;
            state.open = null;
            nodes.queue.replaceChildren();
            nodes.fields.replaceChildren();
            nodes.screening.replaceChildren();
            nodes.status.replaceChildren();
            nodes.detail.hidden = true;
            nodes.more.hidden = true;
            nodes.view.hidden = true;
        },
        focus() {
            nodes.title.focus();
        },
    };
}
