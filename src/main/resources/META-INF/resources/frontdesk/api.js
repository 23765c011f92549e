// Talks to the screening API. A signed-in person's browser carries the session cookie on its own; the page adds
// the session's CSRF token to every change, and a 401 then means the session ended. Without sign-in, when the
// service answers 401, the clinic's key is asked for once and kept in sessionStorage only: it is gone when the tab
// closes and never reaches a cookie, a URL or persistent storage, where it would outlive the shift or leak into logs.

export const API_KEY_STORAGE_KEY = 'microneedling.frontdesk.apiKey';
export const API_KEY_HEADER = 'X-API-Key';

/**
 * @param askForKey async (rejectedBefore: boolean) => string | null, null when the user cancels
 * @param onSessionEnded called when the service refuses a signed-in person's session (idle, or signed out elsewhere)
 */
export function createApi({
    askForKey, onSessionEnded = () => {}, fetchImpl = (url, init) => window.fetch(url, init),
    storage = window.sessionStorage,
}) {
    let staffSession = null;

    async function request(url, { method = 'GET', body, language, accept = 'application/json' }) {
        let rejectedBefore = false;
        for (;;) {
            const headers = new Headers({ Accept: `${accept}, application/problem+json` });
            if (language) {
                headers.set('Accept-Language', language);
            }
            if (body !== undefined) {
                headers.set('Content-Type', 'application/json');
            }
            if (staffSession && method !== 'GET') {
                headers.set(staffSession.csrfHeader, staffSession.csrfToken);
            }
            const key = staffSession ? null : storage.getItem(API_KEY_STORAGE_KEY);
            if (key) {
                headers.set(API_KEY_HEADER, key);
            }
            const response = await fetchImpl(url, {
                method,
                headers,
                body: body === undefined ? undefined : JSON.stringify(body),
                credentials: 'same-origin',
                cache: 'no-store',
            });
            if (response.status !== 401) {
                return response;
            }
            if (staffSession) {
                staffSession = null;
                onSessionEnded();
                return response;
            }
            if (key) {
                storage.removeItem(API_KEY_STORAGE_KEY);
                rejectedBefore = true;
            }
            const entered = await askForKey(rejectedBefore);
            if (!entered) {
                return response;
            }
            storage.setItem(API_KEY_STORAGE_KEY, entered);
        }
    }

    return {
        /** From now on the browser's staff session authenticates; the key dialog is never shown. */
        useSession: (session) => {
            staffSession = { csrfHeader: session.csrfHeader, csrfToken: session.csrfToken };
        },
        session: () => fetchImpl('api/v1/session', {
            headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store',
        }),
        questionnaire: (language) => request('api/v1/questionnaire', { language }),
        screen: (questionnaire, language) =>
            request('api/v1/screenings', { method: 'POST', body: questionnaire, language }),
        me: () => request('api/v1/me', {}),
        screening: (screeningId, language) =>
            request(`api/v1/screenings/${encodeURIComponent(screeningId)}`, { language }),
        instructions: (screeningId, language) =>
            request(`api/v1/screenings/${encodeURIComponent(screeningId)}/instructions`, { language, accept: 'text/html' }),
        screeningStatus: (screeningId, language) =>
            request(`api/v1/screenings/${encodeURIComponent(screeningId)}/status`, { language }),
        clearance: (patientReference, language) =>
            request(`api/v1/clearances?patientReference=${encodeURIComponent(patientReference)}`, { language }),
        reviewQueue: (cursor, limit, language) => request(`api/v1/reviews?status=PENDING&limit=${limit}`
            + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''), { language }),
        review: (screeningId, review, language) =>
            request(`api/v1/screenings/${encodeURIComponent(screeningId)}/reviews`,
                { method: 'POST', body: review, language }),
        policyInForce: (language) => request('api/v1/policy', { language }),
        policies: (language) => request('api/v1/policies', { language }),
        createDraft: (draft, language) => request('api/v1/policies', { method: 'POST', body: draft, language }),
        replay: (version, range, language) =>
            request(`api/v1/policies/${encodeURIComponent(version)}/replay`, { method: 'POST', body: range, language }),
        activate: (version, activation, language) =>
            request(`api/v1/policies/${encodeURIComponent(version)}/activation`,
                { method: 'POST', body: activation, language }),
    };
}

/** Reads a JSON or problem+json body; anything else (a proxy's HTML error page, say) gives null. */
export async function readJson(response) {
    const type = response.headers.get('Content-Type') || '';
    if (!/json/i.test(type)) {
        return null;
    }
    try {
        return await response.json();
    } catch {
        return null;
    }
}
