package org.microneedling.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.microneedling.common.ClinicId;

/**
 * The API key file: one {@code <client-id> <roles, comma-separated> <sha256 hex of the key> [<clinic>]} line per key;
 * blank lines and {@code #} comments are ignored. A line without a clinic belongs to {@link ClinicId#DEFAULT}, so key
 * files written before clinics existed keep working. A client may have several lines, which is how a key is rotated
 * without downtime. Only hashes are ever kept, in the file and in memory.
 */
final class KeyFile {

    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,128}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private KeyFile() {
    }

    /** One key: the client it identifies, the roles it grants, the SHA-256 of the key itself and the clinic. */
    record Entry(String clientId, Set<String> roles, byte[] keyHash, String clinicId) {
    }

    /** The usable entries, and for every unusable line its number and what is wrong, without its content. */
    record Parsed(List<Entry> entries, List<String> errors) {
    }

    static Parsed parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+");
            int number = i + 1;
            if (fields.length != 3 && fields.length != 4) {
                errors.add("line " + number + ": expected <client-id> <roles> <sha256 hex> [<clinic>], found "
                        + fields.length + " fields");
                continue;
            }
            if (!CLIENT_ID.matcher(fields[0]).matches()) {
                errors.add("line " + number + ": the client id may hold letters, digits and . _ @ : - only");
                continue;
            }
            Set<String> roles = new LinkedHashSet<>(Arrays.asList(fields[1].split(",")));
            if (!Roles.ALL.containsAll(roles)) {
                errors.add("line " + number + ": roles must be among " + String.join(",", Roles.ALL.stream().sorted()
                        .toList()));
                continue;
            }
            if (!SHA256_HEX.matcher(fields[2]).matches()) {
                errors.add("line " + number + ": the third field must be the 64-digit SHA-256 hex of the key, "
                        + "never the key itself");
                continue;
            }
            String clinicId = fields.length == 4 ? fields[3] : ClinicId.DEFAULT;
            if (!ClinicId.valid(clinicId)) {
                errors.add("line " + number + ": the fourth field, the clinic, must be 1 to 40 lower-case letters, "
                        + "digits and -, starting with a letter or digit");
                continue;
            }
            entries.add(new Entry(fields[0], Set.copyOf(roles), HexFormat.of().parseHex(fields[2].toLowerCase()),
                    clinicId));
        }
        return new Parsed(List.copyOf(entries), List.copyOf(errors));
    }

    static String line(String clientId, Set<String> roles, String keyHashHex) {
        return clientId + " " + String.join(",", roles.stream().sorted().toList()) + " " + keyHashHex;
    }
}
