'use strict';
// Posts every vignette to the service and to the ZEN peer and compares the outcome and the set of reason codes.
// Usage: node check.js SERVICE_URL PEER_URL   (API_KEY, when set, goes to the service as X-API-Key)
// Exits 1 when any vignette is decided differently or either side does not answer 200.
const vignettes = require('./vignettes');

const [serviceUrl, peerUrl] = process.argv.slice(2);
if (!serviceUrl || !peerUrl) {
  console.error('usage: node check.js SERVICE_URL PEER_URL');
  process.exit(2);
}

async function decide(url, questionnaire, headers) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(questionnaire),
  });
  const body = await response.json().catch(() => null);
  if (response.status !== 200 || !body) {
    return { failed: `HTTP ${response.status} ${JSON.stringify(body)}` };
  }
  const codes = (body.reasons || []).map((reason) => (typeof reason === 'string' ? reason : reason.code));
  return { outcome: body.outcome, codes: [...codes].sort() };
}

(async () => {
  const serviceHeaders = process.env.API_KEY ? { 'X-API-Key': process.env.API_KEY } : {};
  let differences = 0;
  for (const { name, questionnaire } of vignettes) {
    const [ours, peer] = await Promise.all([
      decide(serviceUrl, questionnaire, serviceHeaders),
      decide(peerUrl, questionnaire, {}),
    ]);
    const same = !ours.failed && !peer.failed && ours.outcome === peer.outcome
      && ours.codes.join() === peer.codes.join();
    if (!same) differences++;
    const show = (d) => d.failed || `${d.outcome} [${d.codes.join(', ')}]`;
    console.log(`${same ? 'same' : 'DIFFERENT'}  ${name}: service ${show(ours)}; peer ${show(peer)}`);
  }
  console.log(`${vignettes.length - differences} of ${vignettes.length} vignettes decided alike`);
  process.exit(differences === 0 ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
