package org.microneedling.screening.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The catalogue of rules and advisories in the order they are reported, under one policy, and the
 * combination of their results. Its digest covers every rule's code and outcome, every parameter,
 * the medication list and the code tables, so that any change of policy or data shows as a new digest.
 */
public final class Ruleset {

    public static final String NAME = "microneedling";
    public static final String VERSION = "1.0.0";

    private static final Comparator<Finding> BY_SEVERITY = Comparator
            .comparing((Finding finding) -> finding.outcome()).reversed();

    private final Policy policy;
    private final List<Rule> rules;
    private final List<Advisory> advisories;
    private final CodeCatalogue codes;
    private final MedicationCatalogue medications;
    private final String digest;

    private Ruleset(Policy policy, MedicationCatalogue medications, CodeCatalogue codes) {
        this.policy = policy;
        this.codes = codes;
        this.medications = medications;
        this.rules = List.of(
                new UnderMinimumAgeRule(policy),
                new ActiveAcneRule(policy),
                new ActiveColdSoresRule(policy),
                new SkinInfectionRule(policy),
                new EczemaRule(policy),
                new PsoriasisRule(policy),
                new KeloidOrHypertrophicScarringRule(policy),
                new BleedingDisorderRule(policy),
                new BloodThinnersRule(policy, medications),
                new RecentRadiationRule(policy),
                new TooSoonSinceLastSessionRule(policy),
                new IsotretinoinCurrentRule(policy),
                new SkinCancerInAreaRule(policy),
                new SunburnInAreaRule(policy),
                new BelowTypicalAgeRule(policy),
                new PregnancyRule(policy),
                new BreastfeedingRule(policy),
                new ColdSoreHistoryRule(policy),
                new PigmentationRiskRule(policy),
                new TopicalAnestheticAllergyRule(policy),
                new IsotretinoinRecentRule(policy),
                new ImmunosuppressionRule(policy),
                new MetalAllergyRule(policy));
        this.advisories = List.of(
                new AntiInflammatoryMedicationAdvisory(medications),
                new EnergyAssistedBurnRiskAdvisory(),
                new DepthBeyondEvaluatedRangeAdvisory(policy));
        Set<String> reasonCodes = rules.stream().map(Rule::code).collect(Collectors.toSet());
        for (String configured : policy.outcomes().keySet()) {
            if (!reasonCodes.contains(configured)) {
                throw new IllegalArgumentException("Policy sets an outcome for unknown reason code " + configured
                        + "; known codes: " + String.join(", ", new TreeSet<>(reasonCodes)));
            }
        }
        this.digest = computeDigest(medications);
    }

    public static Ruleset create(Policy policy, MedicationCatalogue medications) {
        return create(policy, medications, CodeCatalogue.load(medications));
    }

    public static Ruleset create(Policy policy, MedicationCatalogue medications, CodeCatalogue codes) {
        return new Ruleset(policy, medications, codes);
    }

    public static Ruleset defaults() {
        return create(Policy.defaults(), MedicationCatalogue.load());
    }

    public Policy policy() {
        return policy;
    }

    /** The same rules, medicines and code tables under another policy. */
    public Ruleset withPolicy(Policy other) {
        return new Ruleset(other, medications, codes);
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Advisory> advisories() {
        return advisories;
    }

    /** {@code sha256:} followed by the lower-case hex digest. */
    public String digest() {
        return digest;
    }

    public CodeCatalogue codes() {
        return codes;
    }

    /** Decides for an intake; its coded conditions and medicines count as the code tables say. */
    public Decision decide(Intake given) {
        List<CodeMatch> recognised = List.of();
        if (!given.conditionCodes().isEmpty() || !given.medicationCodes().isEmpty()) {
            recognised = new ArrayList<>(codes.recognise(given.conditionCodes(), "conditionCodes"));
            recognised.addAll(codes.recognise(given.medicationCodes(), "medicationCodes"));
        }
        // Recognised once here: a rule and an advisory both read the medicines.
        Intake intake = given.withRecognised(recognised, medications.recognise(given.medications()));
        List<Finding> reasons = new ArrayList<>();
        List<String> notAssessed = new ArrayList<>();
        for (Rule rule : rules) {
            Evaluation evaluation = rule.evaluate(intake);
            switch (evaluation.status()) {
                case FIRED -> reasons.add(evaluation.finding());
                case NOT_ASSESSED -> notAssessed.add(rule.code());
                case CLEAR -> {
                }
            }
        }
        // A stable sort keeps catalogue order within each outcome.
        reasons.sort(BY_SEVERITY);
        Outcome outcome = reasons.isEmpty() ? Outcome.ELIGIBLE : reasons.get(0).outcome();
        List<AdvisoryFinding> raised = new ArrayList<>(2);
        for (Advisory advisory : advisories) {
            advisory.evaluate(intake).ifPresent(raised::add);
        }
        return new Decision(outcome, reasons, raised, notAssessed);
    }

    private String computeDigest(MedicationCatalogue medications) {
        StringBuilder canonical = new StringBuilder();
        canonical.append("ruleset ").append(NAME).append(' ').append(VERSION).append('\n');
        // The same list read with other word boundaries decides differently, so the boundaries count.
        canonical.append("medication-words ").append(MedicationCatalogue.WORD_BOUNDARIES).append('\n');
        for (Rule rule : rules) {
            canonical.append("rule ").append(rule.code()).append(' ').append(rule.outcome())
                    .append(parameterText(rule.parameters())).append('\n');
        }
        // Not read by any rule, but part of the policy the digest stands for.
        canonical.append("policy screeningValidityDays=").append(policy.screeningValidityDays())
                .append(" clearanceMaxDays=").append(policy.clearanceMaxDays()).append('\n');
        for (Advisory advisory : advisories) {
            canonical.append("advisory ").append(advisory.code()).append(parameterText(advisory.parameters()))
                    .append('\n');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            sha.update(medications.sha256());
            sha.update(codes.sha256());
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String parameterText(Map<String, Object> parameters) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(parameters).forEach((name, value) -> text.append(' ').append(name).append('=').append(value));
        return text.toString();
    }
}
