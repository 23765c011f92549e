package org.microneedling.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.smallrye.config.WithDefault;

import org.microneedling.screening.rules.Policy;

/**
 * Each policy default is written in four places: {@link Policy}'s constants, {@link PolicyConfig}'s
 * {@code @WithDefault}, the README's configuration table and {@code docs/rules.md}. They must say the
 * same, so that a change of one alone fails here.
 */
class PolicyDefaultsTest {

    private static final String PREFIX = "screening.policy.";
    /** A table row of a {@code screening.policy} key and its default, with or without backticks. */
    private static final Pattern ROW = Pattern.compile(
            "^\\| `screening\\.policy\\.([a-z-]+)` \\| `?([^`|]+?)`? \\|", Pattern.MULTILINE);

    /** What {@link Policy#defaults()} holds, by configuration key, as configuration writes it. */
    private static Map<String, String> policyDefaults() {
        Policy defaults = Policy.defaults();
        Map<String, String> values = new TreeMap<>();
        for (RecordComponent component : Policy.class.getRecordComponents()) {
            if (component.getType() == Map.class) {
                continue;
            }
            values.put(key(component.getName()), written(invoke(component.getAccessor(), defaults)));
        }
        return values;
    }

    private static Map<String, String> configDefaults() {
        Map<String, String> values = new TreeMap<>();
        for (Method method : PolicyConfig.class.getDeclaredMethods()) {
            WithDefault value = method.getAnnotation(WithDefault.class);
            if (value != null) {
                values.put(key(method.getName()), value.value());
            }
        }
        return values;
    }

    private static Map<String, String> documentedDefaults(Path document) throws IOException {
        Matcher row = ROW.matcher(Files.readString(document, StandardCharsets.UTF_8));
        Map<String, String> values = new TreeMap<>();
        while (row.find()) {
            values.put(row.group(1), row.group(2).trim());
        }
        return values;
    }

    @Test
    void configurationDefaultsAreThePolicyDefaults() {
        assertThat(configDefaults()).isEqualTo(policyDefaults());
    }

    @Test
    void everyPolicySettingButTheOutcomesHasADefault() {
        assertThat(Arrays.stream(PolicyConfig.class.getDeclaredMethods())
                .filter(method -> !method.isDefault() && method.getAnnotation(WithDefault.class) == null)
                .map(Method::getName)).containsExactly("outcomes");
    }

    @Test
    void readmeTableStatesThePolicyDefaults() throws IOException {
        assertThat(documentedDefaults(Path.of("README.md"))).isEqualTo(policyDefaults());
    }

    @Test
    void rulesDocStatesThePolicyDefaults() throws IOException {
        assertThat(documentedDefaults(Path.of("docs", "rules.md"))).isEqualTo(policyDefaults());
    }

    @Test
    void theTablesAreReadAsWritten() {
        Matcher plain = ROW.matcher("| `" + PREFIX + "minimum-age` | 18 | below this age |");
        Matcher quoted = ROW.matcher("| `" + PREFIX + "aspirin-outcome` | `REFER_TO_PROVIDER` | ... |");

        assertThat(plain.find()).isTrue();
        assertThat(plain.group(2)).isEqualTo("18");
        assertThat(quoted.find()).isTrue();
        assertThat(quoted.group(2)).isEqualTo("REFER_TO_PROVIDER");
    }

    /** {@code minimumAge} as configuration spells it: {@code minimum-age}. */
    private static String key(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static String written(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
