// Drives the page's own api.js against a stubbed service that wants a key: asked once, kept in
// sessionStorage, sent on every later call, asked for again only when the service rejects it.
const done = arguments[arguments.length - 1];
(async () => {
    const { createApi, API_KEY_STORAGE_KEY } = await import(new URL('frontdesk/api.js', document.baseURI).href);
    sessionStorage.clear();
    const sentKeys = [];
    const prompts = [];
    const typedKeys = ['clinic-key', 'new-key'];
    let acceptedKey = 'clinic-key';
    const fetchImpl = async (url, init) => {
        const key = init.headers.get('X-API-Key');
        sentKeys.push(key);
        return new Response('{}', {
            status: key === acceptedKey ? 200 : 401,
            headers: { 'Content-Type': 'application/json' },
        });
    };
    const askForKey = async (rejectedBefore) => {
        prompts.push(rejectedBefore);
        return typedKeys.shift();
    };
    const api = createApi({ fetchImpl, storage: sessionStorage, askForKey });
    const statuses = [];
    statuses.push((await api.screen({}, 'en')).status);
    statuses.push((await api.questionnaire('es')).status);
    acceptedKey = 'new-key';
    statuses.push((await api.screen({}, 'es')).status);
    const stored = sessionStorage.getItem(API_KEY_STORAGE_KEY);
    sessionStorage.clear();
    done({ statuses, sentKeys, prompts, stored, localStorageEntries: localStorage.length, cookie: document.cookie });
})().catch((error) => done({ error: String(error) }));
