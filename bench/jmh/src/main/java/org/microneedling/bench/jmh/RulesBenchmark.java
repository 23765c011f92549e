package org.microneedling.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.microneedling.screening.ScreeningPathFixture;
import org.microneedling.screening.rules.Decision;
import org.microneedling.screening.rules.Intake;
import org.microneedling.screening.rules.Ruleset;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Rule evaluation alone: every rule and advisory of the shipped policy over one validated questionnaire. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = ScreeningPathFixture.LOGGING)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RulesBenchmark {

    private Ruleset ruleset;
    private Intake referral;
    private Intake eligible;

    @Setup
    public void setUp() {
        ScreeningPathFixture fixtures = new ScreeningPathFixture();
        ruleset = fixtures.ruleset();
        referral = fixtures.intake(ScreeningPathFixture.QUESTIONNAIRE.getBytes(StandardCharsets.UTF_8));
        eligible = fixtures.intake(ScreeningPathFixture.QUESTIONNAIRE
                .replace("\"coldSoreHistory\": \"YES\"", "\"coldSoreHistory\": \"NO\"")
                .replace("\"ibuprofen 400 mg as needed\"", "\"vitamin D\"")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Benchmark
    public Decision decideReferralWithAdvisory() {
        return ruleset.decide(referral);
    }

    @Benchmark
    public Decision decideEligible() {
        return ruleset.decide(eligible);
    }
}
