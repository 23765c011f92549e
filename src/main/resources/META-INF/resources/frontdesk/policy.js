// The clinic policy view, for a medical director or an admin: the policy in force, its versions, a new draft,
// a replay of a version over past screenings, and (medical director only) activation after a confirmation.

import { readJson } from './api.js';
import { element, format, showAlertBox } from './dom.js';
import { clearFieldErrors, showFieldErrors } from './form.js';
import { collectDraft, renderDraftForm } from './policy-draft.js';
import { renderReplay } from './policy-replay.js';
import { renderInForce, renderVersions, statusLabel } from './policy-summary.js';
import { clearResult, renderResult } from './result.js';

const MEDICAL_DIRECTOR = 'medical-director';
const POLICY_ROLES = [MEDICAL_DIRECTOR, 'admin'];

export function mayManagePolicy(roles) {
    return POLICY_ROLES.some((role) => roles.includes(role));
}

function isoDay(date) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function daysAgo(days) {
    const date = new Date();
    date.setDate(date.getDate() - days);
    return isoDay(date);
}

export function createPolicyView(api, roles) {
    const byId = (id) => document.getElementById(id);
    const nodes = {
        view: byId('policy-view'), title: byId('policy-title'), alert: byId('policy-alert'),
        status: byId('policy-status'), inForce: byId('policy-in-force'), versions: byId('policy-versions'),
        draftForm: byId('draft-form'), draftFields: byId('draft-fields'), draftSubmit: byId('create-draft'),
        replayForm: byId('replay-form'), replayVersion: byId('replay-version'), replayResult: byId('replay-result'),
        example: byId('replay-example'), activationSection: byId('activation-section'),
        activationForm: byId('activation-form'), activationVersion: byId('activation-version'),
        activationSubmit: byId('activate-policy'), dialog: byId('activation-dialog'),
        dialogText: byId('activation-dialog-text'),
    };
    const state = { language: 'en', versions: [], inForce: null, loaded: false };
    // Named as in the other modules, so that the page's string table test finds every key used here.
    let strings = {};
    const canActivate = roles.includes(MEDICAL_DIRECTOR);
    nodes.activationSection.hidden = !canActivate;

    function showAlert(title, detail, lines = []) {
        showAlertBox(nodes.alert, element('h3', { id: 'policy-alert-title' }, title),
            detail ? element('p', {}, detail) : null,
            lines.length ? element('ul', {}, ...lines.map((line) => element('li', {}, line))) : null);
    }

    function hideAlert() {
        nodes.alert.hidden = true;
        nodes.alert.replaceChildren();
    }

    function announce(text) {
        nodes.status.replaceChildren(element('p', {}, text));
    }

    /** A failed call in plain words, with the service's own title and detail when it sent a problem. */
    function showFailure(response, problem, fallbackTitle, plainByStatus = {}) {
        const title = plainByStatus[response.status] || (problem && problem.title) || fallbackTitle;
        const detail = problem && problem.detail ? problem.detail
            : format(strings.unexpectedResponse, { status: response.status });
        const lines = ((problem && problem.violations) || []).map((v) => `${v.field}: ${v.message}`);
        showAlert(title, detail, lines);
    }

    async function call(request) {
        try {
            return await request();
        } catch {
            showAlert(strings.policyLoadFailed, strings.networkError);
            return null;
        }
    }

    function versionOption(policy) {
        return element('option', { value: String(policy.version) },
            `${format(strings.policyVersionOf, { version: policy.version })} (${statusLabel(policy.status, strings)})`);
    }

    function fillVersionChoices(preferred) {
        const drafts = state.versions.filter((policy) => policy.status === 'DRAFT');
        const keep = preferred ?? Number(nodes.replayVersion.value || NaN);
        nodes.replayVersion.replaceChildren(...state.versions.map(versionOption));
        const replayChoice = state.versions.find((policy) => policy.version === keep) || drafts[0] || state.versions[0];
        if (replayChoice) {
            nodes.replayVersion.value = String(replayChoice.version);
        }
        nodes.activationVersion.replaceChildren(...drafts.map(versionOption));
        if (drafts.some((policy) => policy.version === keep)) {
            nodes.activationVersion.value = String(keep);
        }
        nodes.activationSubmit.disabled = drafts.length === 0;
        byId('activation-none').hidden = drafts.length > 0;
    }

    function render() {
        renderInForce(nodes.inForce, state.inForce, strings, state.language);
        renderVersions(nodes.versions, state.versions, strings, state.language);
        const basis = state.versions.find((policy) => policy.version === state.inForce.version) || state.inForce;
        renderDraftForm(nodes.draftFields, state.versions.length ? state.versions : [basis], basis, strings);
    }

    async function load(preferredVersion) {
        const [current, list] = await Promise.all([
            call(() => api.policyInForce(state.language)), call(() => api.policies(state.language))]);
        if (!current || !list) {
            return false;
        }
        const policy = await readJson(current);
        const versions = await readJson(list);
        if (!current.ok || !policy || !list.ok || !versions) {
            showFailure(current.ok ? list : current, current.ok ? versions : policy, strings.policyLoadFailed);
            return false;
        }
        state.inForce = policy;
        state.versions = versions.items;
        state.loaded = true;
        render();
        fillVersionChoices(preferredVersion);
        return true;
    }

    async function createDraft(event) {
        event.preventDefault();
        hideAlert();
        clearFieldErrors(nodes.draftForm);
        const basedOn = Number(nodes.draftFields.querySelector('[name="basedOn"]').value);
        const basis = state.versions.find((policy) => policy.version === basedOn) || state.inForce;
        const { body, violations } = collectDraft(nodes.draftFields, basis, strings);
        if (violations.length) {
            showDraftViolations(violations);
            return;
        }
        nodes.draftSubmit.disabled = true;
        const response = await call(() => api.createDraft(body, state.language));
        nodes.draftSubmit.disabled = false;
        if (!response) {
            return;
        }
        const created = await readJson(response);
        if (response.status === 201 && created) {
            await load(created.version);
            announce(format(strings.draftCreated, { version: created.version }));
            nodes.status.focus();
            return;
        }
        if (created && created.violations && created.violations.length) {
            showDraftViolations(created.violations, created);
            return;
        }
        showFailure(response, created, strings.draftFailed);
    }

    /** Each message beside its field and the focus on the first; what fits no field goes to the alert. */
    function showDraftViolations(violations, problem) {
        const links = showFieldErrors(nodes.draftForm, violations, []);
        const unplaced = links.filter((link) => !link.targetId).map(({ violation }) =>
            `${violation.field}: ${violation.message}`);
        const first = links.find((link) => link.targetId);
        if (unplaced.length || !first) {
            showAlert((problem && problem.title) || strings.draftFailed, problem && problem.detail, unplaced);
        }
        if (first) {
            byId(first.targetId).focus();
        }
    }

    async function replay(event) {
        event.preventDefault();
        hideAlert();
        clearFieldErrors(nodes.replayForm);
        const range = { from: nodes.replayForm.elements.from.value, to: nodes.replayForm.elements.to.value };
        const slips = ['from', 'to'].filter((name) => !range[name])
            .map((name) => ({ field: name, message: strings.checkDate }));
        if (slips.length) {
            byId(showFieldErrors(nodes.replayForm, slips, [])[0].targetId).focus();
            return;
        }
        nodes.replayResult.replaceChildren(element('p', {}, strings.replayRunning));
        clearResult(nodes.example);
        const version = nodes.replayVersion.value;
        const response = await call(() => api.replay(version, range, state.language));
        if (!response) {
            return;
        }
        const report = await readJson(response);
        if (response.ok && report && report.transitions) {
            renderReplay(nodes.replayResult, report, strings, state.language, showExample).focus();
            return;
        }
        nodes.replayResult.replaceChildren();
        const links = report && report.violations ? showFieldErrors(nodes.replayForm, report.violations, []) : [];
        const first = links.find((link) => link.targetId);
        if (first && links.every((link) => link.targetId)) {
            byId(first.targetId).focus();
            return;
        }
        showFailure(response, report, strings.replayFailed);
    }

    async function showExample(screeningId) {
        hideAlert();
        const response = await call(() => api.screening(screeningId, state.language));
        if (!response) {
            return;
        }
        const result = await readJson(response);
        if (response.ok && result && result.outcome) {
            renderResult(nodes.example, result, strings, state.language, () => window.print(), 'example').focus();
            return;
        }
        showFailure(response, result, format(strings.exampleFailed, { screeningId }));
    }

    function confirmActivation(event) {
        event.preventDefault();
        hideAlert();
        const version = nodes.activationVersion.value;
        const effectiveFrom = nodes.activationForm.elements.effectiveFrom.value;
        nodes.dialogText.textContent = format(
            effectiveFrom ? strings.activationConfirmFrom : strings.activationConfirmNow,
            { version, effectiveFrom });
        nodes.dialog.returnValue = '';
        nodes.dialog.showModal();
        byId('activation-cancel').focus();
    }

    async function activate() {
        if (nodes.dialog.returnValue !== 'confirm') {
            nodes.activationSubmit.focus();
            return;
        }
        const version = Number(nodes.activationVersion.value);
        const effectiveFrom = nodes.activationForm.elements.effectiveFrom.value;
        nodes.activationSubmit.disabled = true;
        const response = await call(() => api.activate(version, effectiveFrom ? { effectiveFrom } : {}, state.language));
        nodes.activationSubmit.disabled = false;
        if (!response) {
            return;
        }
        const policy = await readJson(response);
        if (response.ok && policy && policy.status) {
            await load();
            announce(policy.status === 'SCHEDULED'
                ? format(strings.activationScheduled, { version: policy.version, effectiveFrom: policy.effectiveFrom })
                : format(strings.activationDone, { version: policy.version }));
            nodes.status.focus();
            return;
        }
        showFailure(response, policy, strings.activationFailed, {
            403: strings.activationForbidden,
            409: format(strings.activationConflict, { version }),
        });
    }

    nodes.draftForm.addEventListener('submit', createDraft);
    nodes.replayForm.addEventListener('submit', replay);
    nodes.activationForm.addEventListener('submit', confirmActivation);
    nodes.dialog.addEventListener('close', activate);
    nodes.replayForm.elements.from.value = daysAgo(30);
    nodes.replayForm.elements.to.value = isoDay(new Date());

    return {
        /** Shows the view in the page's language, loading the policies the first time and after a language change. */
        async show(pageStrings, language) {
            const changed = state.language !== language || !state.loaded;
            strings = pageStrings;
            state.language = language;
            nodes.view.hidden = false;
            if (changed) {
                hideAlert();
                nodes.status.replaceChildren();
                nodes.replayResult.replaceChildren();
                clearResult(nodes.example);
                await load();
            }
        },
        hide() {
            nodes.view.hidden = true;
        },
        focus() {
            nodes.title.focus();
        },
    };
}
