'use strict';
// Questionnaires that the service and the ZEN peer must decide alike: bench/screening.json and variations of it
// that fire each kind of rule the graph holds (answers, ages, dates, skin type).
const fs = require('node:fs');
const path = require('node:path');

const base = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'screening.json'), 'utf8'));
const variant = (name, change) => {
  const questionnaire = structuredClone(base);
  change(questionnaire);
  return { name, questionnaire };
};

module.exports = [
  variant('bench/screening.json as it is', () => {}),
  variant('no reason at all', (q) => { q.history.coldSoreHistory = 'NO'; q.patient.fitzpatrickSkinType = 'II'; }),
  variant('active acne', (q) => { q.history.activeAcne = 'YES'; }),
  variant('pregnancy unknown, skin type V', (q) => { q.patient.pregnant = 'UNKNOWN'; q.patient.fitzpatrickSkinType = 5; }),
  variant('aged 20 by date of birth', (q) => { delete q.patient.age; q.patient.dateOfBirth = '2006-06-15'; }),
  variant('aged 16', (q) => { q.patient.age = 16; q.patient.dateOfBirth = '2010-06-15'; }),
  variant('last session 15 days ago', (q) => { q.lastMicroneedlingDate = '2026-11-10'; }),
  variant('radiation ended 9 months ago', (q) => {
    q.history.radiationTherapy = 'YES'; q.history.radiationTherapyEndDate = '2026-02-25';
  }),
  variant('isotretinoin stopped 4 months ago', (q) => {
    q.history.coldSoreHistory = 'NO'; q.history.isotretinoin = 'NO'; q.history.isotretinoinStopDate = '2026-07-20';
  }),
  variant('blood thinners unknown, sunburn', (q) => {
    q.history.takesBloodThinners = 'UNKNOWN'; q.history.sunburnInTreatmentArea = 'YES';
  }),
];
