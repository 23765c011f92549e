package org.microneedling.screening.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules' data files: UTF-8, tab-separated, one entry per line, with blank lines and {@code #} comments for
 * the sources a clinician reviews. A malformed line stops the start-up with the file and line it is on.
 */
final class DataTable {

    /** One entry, with its line number for error messages. */
    record Line(String file, int number, String[] columns) {

        String column(int index) {
            return columns[index].trim();
        }

        IllegalArgumentException error(String problem) {
            return new IllegalArgumentException(file + " line " + number + ": " + problem);
        }
    }

    private DataTable() {
    }

    /** The bytes of a data file beside the rules' classes. */
    static byte[] read(String name) {
        try (InputStream in = DataTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a data file that has exactly {@code columns} columns. */
    static List<Line> lines(String name, byte[] content, int columns) {
        List<Line> lines = new ArrayList<>();
        String[] texts = new String(content, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int index = 0; index < texts.length; index++) {
            String text = texts[index];
            if (text.isBlank() || text.startsWith("#")) {
                continue;
            }
            Line line = new Line(name, index + 1, text.split("\t", -1));
            if (line.columns().length != columns) {
                throw line.error("expected " + columns + " tab-separated columns");
            }
            lines.add(line);
        }
        return lines;
    }
}
