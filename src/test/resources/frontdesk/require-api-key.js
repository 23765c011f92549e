// Makes the page's API calls answer 401 until the key 'front-desk-key' is sent, as the service will
// once authentication is switched on.
const realFetch = window.fetch;
window.sentApiKeys = [];
window.fetch = (url, init = {}) => {
    if (!String(url).includes('api/v1/')) {
        return realFetch(url, init);
    }
    const key = new Headers(init.headers).get('X-API-Key');
    window.sentApiKeys.push(key);
    if (key !== 'front-desk-key') {
        const problem = {
            type: 'urn:microneedling-screening:problem:unauthorized', title: 'Authentication required', status: 401,
            detail: 'Credentials are missing or not valid.',
        };
        return Promise.resolve(new Response(JSON.stringify(problem),
            { status: 401, headers: { 'Content-Type': 'application/problem+json' } }));
    }
    return realFetch(url, init);
};
