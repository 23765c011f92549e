package org.microneedling.common;

/**
 * Text measured as people count it. Every "at most N characters" of the API counts Unicode code
 * points, not the UTF-16 units Java strings are made of, so that an emoji or a CJK extension
 * character counts once and a limit never cuts a character in half.
 */
public final class Characters {

    private Characters() {
    }

    /** The number of code points in {@code text}. */
    public static int count(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Whether {@code text} has more than {@code max} code points, without counting past the limit. */
    public static boolean exceed(String text, int max) {
        // A string of at most max units cannot hold more than max code points.
        return text.length() > max && count(text) > max;
    }

    /** The first {@code max} code points of {@code text}, never half a surrogate pair. */
    public static String truncate(String text, int max) {
        if (!exceed(text, max)) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, max));
    }
}
