package org.microneedling.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.microneedling.screening.ScreeningPathFixture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What one POST costs inside the service, without HTTP and without the audit write: strict parse, binding and
 * validation, the rules, rendering with messages, and serialising the result (plus the audit entry built from it).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = ScreeningPathFixture.LOGGING)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScreeningPathBenchmark {

    private ScreeningPathFixture fixtures;
    private byte[] body;
    private byte[] batch;

    @Setup
    public void setUp() {
        fixtures = new ScreeningPathFixture();
        body = ScreeningPathFixture.QUESTIONNAIRE.getBytes(StandardCharsets.UTF_8);
        batch = ScreeningPathFixture.batch(1000);
    }

    @Benchmark
    public JsonNode parseOnly() {
        return fixtures.parse(body);
    }

    @Benchmark
    public String parseDecideSerialize() {
        return fixtures.screen(body);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String batchOfThousand() {
        return fixtures.screenBatch(batch);
    }
}
