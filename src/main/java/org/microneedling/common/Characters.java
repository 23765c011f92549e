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

    /**
     * Whether {@code text} holds a control character (U+0000 to U+001F, U+007F to U+009F) or half a surrogate
     * pair: neither belongs in an identifier, and PostgreSQL refuses a NUL in a text column.
     */
    public static boolean hasControlOrBroken(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return hasBrokenSurrogate(text);
    }

    /** Whether {@code text} holds half a surrogate pair, which no UTF-8 encoder can write as it is. */
    public static boolean hasBrokenSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
