package org.microneedling.screening;

import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.validation.Validation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/** The shipped defaults of {@link ScreeningConfig}, and a reader built on them, without a container. */
final class DefaultScreeningConfig implements ScreeningConfig {

    static QuestionnaireReader reader() {
        Validator validator = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
        return new QuestionnaireReader(new ObjectMapper(), validator, new DefaultScreeningConfig());
    }

    @Override
    public ZoneId zone() {
        return ZoneOffset.UTC;
    }

    @Override
    public int maxBodyBytes() {
        return 65_536;
    }

    @Override
    public Batch batch() {
        return new Batch() {
            @Override
            public int maxSize() {
                return 1_000;
            }

            @Override
            public int maxBodyBytes() {
                return 4_194_304;
            }
        };
    }
}
