package org.microneedling.common;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link Identifier}. */
public class IdentifierValidator implements ConstraintValidator<Identifier, CharSequence> {

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        return value == null || !Characters.hasControlOrBroken(value.toString());
    }
}
