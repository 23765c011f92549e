package org.microneedling.screening;

import java.util.Locale;

/** Fitzpatrick skin phototype, sent as a Roman numeral or as a whole number 1 to 6. */
public enum FitzpatrickSkinType {
    I, II, III, IV, V, VI;

    public int number() {
        return ordinal() + 1;
    }

    /** The type for a Roman numeral in any letter case, or {@code null} when it is not one. */
    static FitzpatrickSkinType fromRoman(String text) {
        for (FitzpatrickSkinType type : values()) {
            if (type.name().equals(text.toUpperCase(Locale.ROOT))) {
                return type;
            }
        }
        return null;
    }

    static FitzpatrickSkinType fromNumber(long number) {
        return number >= 1 && number <= 6 ? values()[(int) number - 1] : null;
    }
}
