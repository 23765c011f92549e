package org.microneedling.instructions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * No text of the sheet, in either language, tells anyone to stop, pause, change or avoid a medicine: a sentence that
 * names a medicine may not carry a verb of stopping or changing, and some phrases are refused wherever they appear.
 * Medicine questions go to the prescriber, which the sheet says wherever it names a medicine the patient takes.
 */
class PatientTextMedicineSafetyTest {

    static final Pattern MEDICINE = Pattern.compile("(?iu)\\b(medicines?|medications?|drugs?|pills?|tablets?|doses?|"
            + "prescri\\w*|blood thinners?|isotretino\\w*|ibuprofen\\w*|aspirin\\w*|antivirals?|"
            + "medicinas?|medicamentos?|remedios?|pastillas?|dosis|recet\\w*|aspirina|antivirales?)\\b");
    static final Pattern STOP_OR_CHANGE = Pattern.compile("(?iu)\\b(stop\\w*|quit\\w*|discontinu\\w*|paus\\w*|"
            + "skip\\w*|hold\\w*|halt\\w*|reduc\\w*|lower\\w*|cut\\w*|chang\\w*|switch\\w*|avoid\\w*|less|fewer|"
            + "instead|no longer take|do not take|don't take|"
            + "dej\\w*|suspend\\w*|suspenda\\w*|interrump\\w*|pare|parar|pause\\w*|reduzca\\w*|baj[ae]\\w*|cambi\\w*|"
            + "evit\\w*|omit\\w*|salt[ae]\\w*|menos|en vez|no tome|no use)\\b");
    static final Pattern ALWAYS_REFUSED = Pattern.compile("(?iu)(stop (taking|using)|come off|go off|wean|"
            + "dejar? de (tomar|usar)|deje de|suspenda|interrumpa|"
            + "no tome (su|sus|la|el|las|los) (medic|remed|pastill))");
    static final Pattern ASK_THE_PRESCRIBER = Pattern.compile("(?iu)(prescri\\w*|recet\\w*|su médico|the clinic|"
            + "la clínica)");

    private static List<String[]> everySentence() {
        List<String[]> sentences = new ArrayList<>();
        for (PatientTexts texts : PatientTexts.all()) {
            for (String key : texts.keys()) {
                for (String sentence : Readability.sentences(texts.text(key, LocalDate.of(2027, 1, 5)))) {
                    sentences.add(new String[] { texts.language() + " " + key, sentence });
                }
            }
        }
        return sentences;
    }

    @Test
    void noSentenceThatNamesAMedicineSaysToStopOrChangeIt() {
        List<String> unsafe = new ArrayList<>();
        for (String[] sentence : everySentence()) {
            if (ALWAYS_REFUSED.matcher(sentence[1]).find()
                    || MEDICINE.matcher(sentence[1]).find() && STOP_OR_CHANGE.matcher(sentence[1]).find()) {
                unsafe.add(sentence[0] + ": " + sentence[1]);
            }
        }
        assertThat(unsafe).isEmpty();
    }

    @Test
    void everyTextThatNamesAMedicineTheyTakeSendsQuestionsToThePrescriberOrTheClinic() {
        for (PatientTexts texts : PatientTexts.all()) {
            for (String key : List.of("before.medicines", "next.reason.BLOOD_THINNERS", "before.anti-inflammatory",
                    "before.antiviral", "after.prescribed-cream", "next.reason.ISOTRETINOIN_CURRENT")) {
                assertThat(texts.text(key)).as(texts.language() + " " + key).containsPattern(ASK_THE_PRESCRIBER);
            }
        }
    }

    @Test
    void theScanCatchesAdviceToStopOrChangeAMedicine() {
        for (String advice : List.of("Stop taking aspirin a week before the visit.",
                "Skip your blood thinner on the day.", "Lower the dose of your pills.",
                "Deje de tomar la aspirina una semana antes.", "No tome su medicina ese día.",
                "Cambie la dosis de sus pastillas.", "Avoid ibuprofen before treatment.")) {
            assertThat(ALWAYS_REFUSED.matcher(advice).find()
                    || MEDICINE.matcher(advice).find() && STOP_OR_CHANGE.matcher(advice).find()).as(advice).isTrue();
        }
    }
}
