// The front-desk page: loads the questionnaire in the receptionist's language, submits the answers and
// shows the decision or the problems beside the fields they concern.

import { createApi, readJson } from './api.js';
import { checkAnswers } from './checks.js';
import { element, format } from './dom.js';
import {
    clearFieldErrors, collectAnswers, renderForm, restore, showFieldErrors, snapshot,
} from './form.js';
import { clearResult, renderResult } from './result.js';

const SUPPORTED_LANGUAGES = ['en', 'es'];

const page = {
    form: document.getElementById('screening-form'),
    questions: document.getElementById('questions'),
    loading: document.getElementById('loading'),
    summary: document.getElementById('error-summary'),
    result: document.getElementById('result'),
    submit: document.getElementById('submit-screening'),
    clear: document.getElementById('clear-form'),
    languageSwitch: document.getElementById('language-switch'),
    keyDialog: document.getElementById('api-key-dialog'),
};

const state = { language: 'en', strings: {}, allStrings: {}, definition: null, medicationInputs: [] };

const api = createApi({ askForKey });

function browserLanguage() {
    const preferences = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language];
    for (const tag of preferences) {
        const base = String(tag || '').toLowerCase().split('-')[0];
        if (SUPPORTED_LANGUAGES.includes(base)) {
            return base;
        }
    }
    return 'en';
}

function applyPageStrings() {
    document.documentElement.lang = state.language;
    document.title = state.strings.documentTitle;
    for (const node of document.querySelectorAll('[data-text]')) {
        node.textContent = state.strings[node.dataset.text];
    }
    page.languageSwitch.value = state.language;
}

async function loadStrings() {
    const response = await fetch('frontdesk/strings.json', { cache: 'no-cache' });
    state.allStrings = await response.json();
}

async function loadQuestionnaire(language) {
    const kept = state.definition ? snapshot(page.questions) : null;
    state.language = language;
    state.strings = state.allStrings[language];
    applyPageStrings();
    hideSummary();
    clearResult(page.result);
    let response;
    try {
        response = await api.questionnaire(language);
    } catch {
        showSummary(state.strings.errorSummaryFallback, state.strings.loadFailed, []);
        return;
    }
    const body = await readJson(response);
    if (!response.ok || !body) {
        showProblem(response, body);
        return;
    }
    state.definition = body;
    renderForm(page.questions, body, state.strings);
    if (kept) {
        restore(page.questions, kept, state.strings);
    }
    page.loading.hidden = true;
    page.form.hidden = false;
}

async function submit(event) {
    event.preventDefault();
    if (!state.definition) {
        return;
    }
    hideSummary();
    clearFieldErrors(page.questions);
    clearResult(page.result);
    const { body, medicationInputs } = collectAnswers(page.questions, state.definition);
    state.medicationInputs = medicationInputs;
    const slips = checkAnswers(body, state.definition, state.strings);
    if (slips.length) {
        const links = showFieldErrors(page.questions, slips, medicationInputs);
        showSummary(state.strings.checkTitle, format(state.strings.checkDetail, { count: slips.length }), links);
        return;
    }
    setBusy(true);
    let response;
    try {
        response = await api.screen(body, state.language);
    } catch {
        setBusy(false);
        showSummary(state.strings.errorSummaryFallback, state.strings.networkError, []);
        return;
    }
    const result = await readJson(response);
    setBusy(false);
    if (response.ok && result && result.outcome) {
        renderResult(page.result, result, state.strings, state.language, () => window.print()).focus();
        return;
    }
    showProblem(response, result);
}

function setBusy(busy) {
    page.submit.disabled = busy;
    page.submit.textContent = busy ? state.strings.submitting : state.strings.submit;
    page.form.setAttribute('aria-busy', String(busy));
}

function showProblem(response, problem) {
    if (!problem || !problem.title) {
        showSummary(state.strings.errorSummaryFallback,
            format(state.strings.unexpectedResponse, { status: response.status }), []);
        return;
    }
    const links = showFieldErrors(page.questions, problem.violations || [], state.medicationInputs);
    showSummary(problem.title, problem.detail, links);
}

function showSummary(title, detail, links) {
    const items = links.map(({ violation, label, targetId }) => {
        const text = `${label} — ${violation.message}`;
        if (!targetId) {
            return element('li', {}, element('code', {}, violation.field), ` ${violation.message}`);
        }
        const link = element('a', { href: `#${targetId}` }, text);
        link.addEventListener('click', (event) => {
            event.preventDefault();
            const target = document.getElementById(targetId);
            target.scrollIntoView({ block: 'center' });
            target.focus();
        });
        return element('li', {}, link);
    });
    page.summary.replaceChildren(
        element('h2', { id: 'error-summary-title' }, title),
        detail ? element('p', {}, detail) : null,
        items.length ? element('p', {}, state.strings.errorSummaryIntro) : null,
        items.length ? element('ul', {}, ...items) : null);
    page.summary.setAttribute('aria-labelledby', 'error-summary-title');
    page.summary.hidden = false;
    page.summary.focus();
}

function hideSummary() {
    page.summary.hidden = true;
    page.summary.replaceChildren();
}

function clearForm() {
    page.form.reset();
    hideSummary();
    clearFieldErrors(page.questions);
    clearResult(page.result);
    renderForm(page.questions, state.definition, state.strings);
    page.questions.querySelector('input, select').focus();
}

/** Asks for the clinic's key in a modal dialog; resolves to the key, or null when cancelled. */
function askForKey(rejectedBefore) {
    const dialog = page.keyDialog;
    const input = dialog.querySelector('#api-key');
    dialog.querySelector('#api-key-rejected').hidden = !rejectedBefore;
    input.value = '';
    return new Promise((resolve) => {
        const cancel = dialog.querySelector('#api-key-cancel');
        const finish = (value) => {
            dialog.removeEventListener('close', onClose);
            cancel.removeEventListener('click', onCancel);
            resolve(value);
        };
        const onClose = () => finish(dialog.returnValue === 'ok' && input.value.trim() ? input.value.trim() : null);
        const onCancel = () => dialog.close('cancel');
        dialog.addEventListener('close', onClose);
        cancel.addEventListener('click', onCancel);
        dialog.returnValue = '';
        dialog.showModal();
        input.focus();
    });
}

async function start() {
    page.form.addEventListener('submit', submit);
    page.clear.addEventListener('click', clearForm);
    page.languageSwitch.addEventListener('change', () => loadQuestionnaire(page.languageSwitch.value));
    try {
        await loadStrings();
    } catch {
        page.loading.textContent = 'The page could not be loaded. Reload to try again. / No se ha podido cargar la página.';
        return;
    }
    await loadQuestionnaire(browserLanguage());
}

start();
