// The front-desk page: loads the questionnaire in the receptionist's language, submits the answers and
// shows the decision, where it stands today, or the problems beside the fields they concern. Anyone may look a
// patient up by the clinic's reference. A provider or a medical director also gets the review queue, a medical
// director or an admin the clinic policy view; everyone else sees the page as a receptionist does.

import { createApi, readJson } from './api.js';
import { checkAnswers } from './checks.js';
import { element, format, showAlertBox } from './dom.js';
import {
    clearFieldErrors, collectAnswers, renderForm, restore, showFieldErrors, snapshot,
} from './form.js';
import { patientSheetControls } from './patient-sheet.js';
import { createPolicyView, mayManagePolicy } from './policy.js';
import { clearResult, renderResult } from './result.js';
import { createReviewView, mayReview } from './review.js';
import {
    loadSession, saveDraft, showSignedIn, showSignIn, takeDraft, watchIdle,
} from './session.js';
import { createLookup, screeningStatusPart } from './status.js';

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
    views: document.getElementById('views'),
    screeningView: document.getElementById('screening-view'),
    screeningLink: document.getElementById('view-screening-link'),
    policyLink: document.getElementById('view-policy-link'),
    reviewLink: document.getElementById('view-review-link'),
    lookupForm: document.getElementById('lookup-form'),
    lookupResult: document.getElementById('lookup-result'),
    sessionBar: document.getElementById('session-bar'),
    signInPanel: document.getElementById('sign-in-panel'),
};

const state = {
    language: 'en', strings: {}, allStrings: {}, definition: null, medicationInputs: [],
    policyView: null, reviewView: null, lookup: null, screeningAllowed: true, view: 'screening', session: null,
    me: null, stopIdleWatch: null,
};

const api = createApi({ askForKey, onSessionEnded: () => endSession('signInSessionEnded') });

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

async function changeLanguage(language) {
    state.language = language;
    state.strings = state.allStrings[language];
    applyPageStrings();
    if (state.session && state.me) {
        showSignedIn({
            bar: page.sessionBar, me: state.me, strings: state.strings, signOutPath: state.session.signOutPath,
        });
    }
    state.lookup.setLanguage(state.strings, language);
    if (state.view !== 'screening') {
        await otherView(state.view).show(state.strings, language);
    }
    if (state.screeningAllowed) {
        await loadQuestionnaire();
    }
}

async function loadQuestionnaire() {
    const language = state.language;
    const kept = state.definition ? snapshot(page.questions) : null;
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
    if (response.status === 403 && (state.reviewView || state.policyView)) {
        // A provider or a medical director may hold no screening role: their own views are then the whole page.
        state.screeningAllowed = false;
        page.screeningLink.parentElement.hidden = true;
        await showView(state.view === 'screening' ? (state.policyView ? 'policy' : 'review') : state.view, false);
        return;
    }
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
        const heading = renderResult(page.result, result, state.strings, state.language, () => window.print(),
            'result', patientSheetControls(api, result.screeningId, state.strings, state.language));
        heading.focus();
        const status = await screeningStatusPart(api, result.screeningId, state.strings, state.language);
        if (status && page.result.dataset.outcome && heading.isConnected) {
            heading.nextElementSibling.after(status);
        }
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
    showAlertBox(page.summary, element('h2', { id: 'error-summary-title' }, title),
        detail ? element('p', {}, detail) : null,
        items.length ? element('p', {}, state.strings.errorSummaryIntro) : null,
        items.length ? element('ul', {}, ...items) : null);
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

/** The roles of the signed-in client, or null when the service does not say (authentication off, say). */
async function signIn() {
    let response;
    try {
        response = await api.me();
    } catch {
        return { roles: null };
    }
    const body = await readJson(response);
    if (response.status === 401) {
        return { roles: null, refused: { response, body } };
    }
    const me = response.ok && body && Array.isArray(body.roles) ? body : null;
    return { roles: me ? me.roles : null, me };
}

/**
 * The session ended (idle, or refused by the service): what was typed is kept for the same person, and nothing
 * of the patient stays on the screen.
 */
function endSession(reason) {
    if (!state.session) {
        return;
    }
    if (state.stopIdleWatch) {
        state.stopIdleWatch();
        state.stopIdleWatch = null;
    }
    if (state.definition) {
        saveDraft(state.me, snapshot(page.questions));
    }
    state.session = null;
    state.definition = null;
    page.questions.replaceChildren();
    clearResult(page.result);
    hideSummary();
    page.form.hidden = true;
    page.screeningView.hidden = true;
    page.views.hidden = true;
    if (state.policyView) {
        state.policyView.hide();
    }
    if (state.reviewView) {
        state.reviewView.clear();
    }
    state.lookup.clear();
    page.sessionBar.hidden = true;
    showSignIn({
        panel: page.signInPanel, reason, strings: state.strings, signInPath: 'auth/sign-in',
    });
}

/** The reason the service sent the browser back here, if any, taken out of the address bar. */
function signInReasonFromAddress() {
    const params = new URLSearchParams(window.location.search);
    const reason = params.get('sign-in') === 'unavailable' ? 'signInUnavailable' : null;
    if (params.has('sign-in')) {
        window.history.replaceState(null, '', window.location.pathname + window.location.hash);
    }
    return reason;
}

function otherView(name) {
    return name === 'policy' ? state.policyView : state.reviewView;
}

async function showView(name, moveFocus) {
    let wanted = name !== 'screening' && otherView(name) ? name : 'screening';
    if (wanted === 'screening' && !state.screeningAllowed) {
        wanted = state.policyView ? 'policy' : 'review';
    }
    state.view = wanted;
    page.screeningView.hidden = state.view !== 'screening';
    for (const [link, view] of [[page.screeningLink, 'screening'], [page.reviewLink, 'review'],
        [page.policyLink, 'policy']]) {
        if (view === state.view) {
            link.setAttribute('aria-current', 'page');
        } else {
            link.removeAttribute('aria-current');
        }
    }
    for (const view of ['review', 'policy']) {
        if (view !== state.view && otherView(view)) {
            otherView(view).hide();
        }
    }
    if (state.view !== 'screening') {
        await otherView(state.view).show(state.strings, state.language);
        if (moveFocus) {
            otherView(state.view).focus();
        }
        return;
    }
    if (moveFocus && state.definition) {
        page.questions.querySelector('input, select').focus();
    }
}

function viewOfHash() {
    return { '#policy-view': 'policy', '#review-view': 'review' }[window.location.hash] || 'screening';
}

async function start() {
    page.form.addEventListener('submit', submit);
    page.clear.addEventListener('click', clearForm);
    page.languageSwitch.addEventListener('change', () => changeLanguage(page.languageSwitch.value));
    state.lookup = createLookup(api, page.lookupForm, page.lookupResult);
    try {
        await loadStrings();
    } catch {
        page.loading.textContent = 'The page could not be loaded. Reload to try again. / No se ha podido cargar la página.';
        return;
    }
    state.language = browserLanguage();
    state.strings = state.allStrings[state.language];
    applyPageStrings();
    state.lookup.setLanguage(state.strings, state.language);
    const session = await loadSession(api);
    if (!session) {
        // Guessing "no sign-in" here would ask a signed-in person for the clinic's key.
        showSummary(state.strings.errorSummaryFallback, state.strings.loadFailed, []);
        page.loading.hidden = true;
        return;
    }
    const reason = signInReasonFromAddress() || (session.sessionEnded ? 'signInSessionEnded' : null);
    if (session.signInAvailable && !session.signedIn) {
        page.loading.hidden = true;
        page.screeningView.hidden = true;
        showSignIn({
            panel: page.signInPanel, reason, strings: state.strings, signInPath: session.signInPath,
        });
        return;
    }
    if (session.signedIn) {
        state.session = session;
        api.useSession(session);
    }
    const { roles, me, refused } = await signIn();
    if (refused) {
        showProblem(refused.response, refused.body);
        return;
    }
    state.me = me;
    if (state.session && me) {
        showSignedIn({
            bar: page.sessionBar, me, strings: state.strings, signOutPath: session.signOutPath,
        });
        state.stopIdleWatch = watchIdle(session.idleTimeoutSeconds, () => endSession('signInSessionEnded'));
    }
    if (roles && mayManagePolicy(roles)) {
        state.policyView = createPolicyView(api, roles);
    } else {
        page.policyLink.parentElement.hidden = true;
    }
    if (roles && mayReview(roles)) {
        state.reviewView = createReviewView(api);
        page.reviewLink.parentElement.hidden = false;
    }
    if (state.policyView || state.reviewView) {
        page.views.hidden = false;
        window.addEventListener('hashchange', () => showView(viewOfHash(), true));
    }
    if (viewOfHash() !== 'screening' && otherView(viewOfHash())) {
        state.view = viewOfHash();
    }
    await loadQuestionnaire();
    const draft = state.session ? takeDraft(me) : null;
    if (draft && state.definition) {
        restore(page.questions, draft, state.strings);
    }
    if (state.screeningAllowed && state.view !== 'screening') {
        await showView(state.view, true);
    }
}

start();
