package org.microneedling.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link MaxCharacters}. */
public class MaxCharactersValidator implements ConstraintValidator<MaxCharacters, CharSequence> {

    private int max;

    @Override
    public void initialize(MaxCharacters constraint) {
        this.max = constraint.value();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || !Characters.exceed(value.toString(), max);
    }
}
