'use strict';
// The ZEN peer of bench/run.sh: POST /screenings takes the questionnaire of bench/screening.json, checks it
// against questionnaire.schema.json and answers the outcome of screening.jdm.json. No authentication, no audit.
// Environment: PORT (18100), WORKERS (2).
const cluster = require('node:cluster');
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const PORT = Number(process.env.PORT || 18100);
const WORKERS = Number(process.env.WORKERS || 2);
const MAX_BODY = 64 * 1024;

if (cluster.isPrimary) {
  for (let i = 0; i < WORKERS; i++) cluster.fork();
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === WORKERS) console.log(`zen peer: ${WORKERS} workers on port ${PORT}`);
  });
  cluster.on('exit', (worker, code, signal) => {
    console.error(`zen peer: worker ${worker.process.pid} ended (${signal || code})`);
  });
  const stop = () => {
    for (const worker of Object.values(cluster.workers)) worker.kill();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
} else {
  const { ZenEngine } = require('@gorules/zen-engine');
  const Ajv = require('ajv');
  const validate = new Ajv({ allErrors: false }).compile(
    JSON.parse(fs.readFileSync(path.join(__dirname, 'questionnaire.schema.json'), 'utf8')));
  const decision = new ZenEngine().createDecision(fs.readFileSync(path.join(__dirname, 'screening.jdm.json')));

  const send = (res, status, body) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
  const problem = (res, status, detail) => send(res, status, { status, detail });

  http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') return send(res, 200, { status: 'UP' });
    if (req.method !== 'POST' || req.url !== '/screenings') return problem(res, 404, 'no such resource');
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        problem(res, 413, 'body too large');
        req.destroy();
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      let questionnaire;
      try {
        questionnaire = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch (e) {
        return problem(res, 400, 'body is not JSON');
      }
      if (!validate(questionnaire)) {
        const error = validate.errors[0];
        return problem(res, 400, `${error.instancePath || '/'} ${error.message}`);
      }
      decision.evaluate(questionnaire).then(
        (answer) => send(res, 200, answer.result),
        (error) => problem(res, 500, String(error && error.message || error)));
    });
  }).listen(PORT, '127.0.0.1');
}
