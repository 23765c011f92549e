package org.microneedling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The README and every page under docs/ link only to files that exist in the repository. */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    static Stream<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            List<Path> pages = new ArrayList<>(docs.filter(path -> path.toString().endsWith(".md")).toList());
            pages.add(Path.of("README.md"));
            return pages.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyRelativeLinkResolves(Path page) throws IOException {
        Matcher link = LINK.matcher(Files.readString(page));
        List<String> broken = new ArrayList<>();
        while (link.find()) {
            String target = link.group(1);
            if (target.contains("://") || target.startsWith("#") || target.startsWith("mailto:")) {
                continue;
            }
            String file = target.replaceFirst("#.*$", "");
            if (!Files.exists(page.toAbsolutePath().getParent().resolve(file))) {
                broken.add(target);
            }
        }
        assertThat(broken).as("links in " + page + " to files that do not exist").isEmpty();
    }
}
