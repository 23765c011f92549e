package org.microneedling.instructions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** docs/patient-instructions.md names every text of the sheet once, with its source, and no text that is gone. */
class PatientInstructionsDocumentationTest {

    private static final String TABLE_HEADING = "## Every text and where it comes from";
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([a-zA-Z0-9_.-]+)` \\| (.*) \\|$");

    @Test
    void everyTextHasExactlyOneRowWithASource() throws IOException {
        String page = Files.readString(Path.of("docs/patient-instructions.md"));
        String documentation = page.substring(page.indexOf(TABLE_HEADING));
        List<String> documented = ROW.matcher(documentation).results().map(row -> row.group(1)).toList();
        List<String> sources = ROW.matcher(documentation).results().map(row -> row.group(2).strip()).toList();

        assertThat(documented).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(PatientTexts.of(Locale.ENGLISH).keys());
        assertThat(sources).allSatisfy(source -> assertThat(source).hasSizeGreaterThan(10));
    }
}
