package org.microneedling.common;

import java.util.regex.Pattern;

/**
 * A clinic (tenant) of the deployment: every client belongs to exactly one, and sees only its own records. A
 * credential that names none belongs to {@link #DEFAULT}, which is how single-clinic deployments keep working.
 */
public final class ClinicId {

    public static final String DEFAULT = "default";

    private static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private ClinicId() {
    }

    public static boolean valid(String clinicId) {
        return clinicId != null && PATTERN.matcher(clinicId).matches();
    }

    /** A stored record without a clinic was recorded before clinics existed, by the only clinic there was. */
    public static String orDefault(String clinicId) {
        return clinicId == null ? DEFAULT : clinicId;
    }
}
