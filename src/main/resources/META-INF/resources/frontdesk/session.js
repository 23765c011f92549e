// A signed-in person's session on the page: who is signed in, sign-out, and the idle timeout. When the session
// ends, what the receptionist had typed is kept in this tab (sessionStorage, for the same person only) and the
// form is cleared from the screen; signing in again brings it back.

import { element, format } from './dom.js';

export const DRAFT_STORAGE_KEY = 'microneedling.frontdesk.draft';
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'input'];

/** The service's answer to GET api/v1/session, or null when it cannot be had (the network, a page leaving). */
export async function loadSession(api) {
    try {
        let response = await api.session();
        if (response.status === 401) {
            // A session cookie that no longer verifies was refused and dropped: asked again, the service says
            // whether a sign-in is needed.
            response = await api.session();
        }
        return response.ok ? await response.json() : null;
    } catch {
        return null;
    }
}

/** Shows the sign-in panel; {@code reason} is a page string key or null. */
export function showSignIn({ panel, reason, strings, signInPath }) {
    const link = element('a', { id: 'sign-in-link', className: 'button primary', href: signInPath.replace(/^\//, '') },
        strings.signInButton);
    panel.replaceChildren(
        element('h2', { id: 'sign-in-title', tabIndex: -1 }, strings.signInTitle),
        reason ? element('p', { id: 'sign-in-reason', className: 'field-error', attributes: { role: 'alert' } },
            strings[reason]) : null,
        element('p', { className: 'help' }, strings.signInHelp),
        element('p', {}, link));
    panel.hidden = false;
    panel.querySelector('h2').focus();
}

/** Shows who is signed in, with the sign-out link (which also ends the identity provider's session). */
export function showSignedIn({ bar, me, strings, signOutPath }) {
    bar.replaceChildren(
        element('span', { id: 'signed-in-as' }, format(strings.signedInAs, { name: me.name, clinic: me.clinicId })),
        ' ',
        element('a', { id: 'sign-out-link', href: signOutPath.replace(/^\//, '') }, strings.signOut));
    bar.hidden = false;
}

/** Calls {@code onIdle} once after {@code seconds} without the person touching the page. */
export function watchIdle(seconds, onIdle) {
    let timer = null;
    let stopped = false;
    const reset = () => {
        window.clearTimeout(timer);
        timer = window.setTimeout(stop, seconds * 1000);
    };
    const stop = () => {
        if (stopped) {
            return;
        }
        stopped = true;
        for (const event of ACTIVITY_EVENTS) {
            window.removeEventListener(event, reset, true);
        }
        window.clearTimeout(timer);
        onIdle();
    };
    for (const event of ACTIVITY_EVENTS) {
        window.addEventListener(event, reset, true);
    }
    reset();
    return stop;
}

export function saveDraft(me, answers) {
    if (me && answers) {
        window.sessionStorage.setItem(DRAFT_STORAGE_KEY,
            JSON.stringify({ person: me.clientId, clinic: me.clinicId, answers }));
    }
}

/** The answers saved when this person's session ended, once: they are removed as they are read. */
export function takeDraft(me) {
    const saved = window.sessionStorage.getItem(DRAFT_STORAGE_KEY);
    window.sessionStorage.removeItem(DRAFT_STORAGE_KEY);
    if (!saved || !me) {
        return null;
    }
    try {
        const draft = JSON.parse(saved);
        return draft.person === me.clientId && draft.clinic === me.clinicId ? draft.answers : null;
    } catch {
        return null;
    }
}
