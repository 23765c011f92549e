package org.microneedling.screening;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.microneedling.common.Messages;
import org.microneedling.common.Problem;
import org.microneedling.common.ProblemException;
import org.microneedling.common.ProblemType;
import org.microneedling.common.Violation;
/**
 * Reads a request body as JSON under limits that refuse abuse while parsing (depth, string, number and name
 * lengths, token count, document size), rejects what is not UTF-8 and duplicate properties, and turns every refusal
 * into a problem that names where the parser stood.
 */
final class StrictJsonBodies {

    private static final int MAX_NESTING_DEPTH = 32;
    // The longest text the contract allows is 200 characters; anything far beyond is abuse, refused while parsing.
    static final int MAX_STRING_LENGTH = 4_096;
    static final int MAX_NUMBER_LENGTH = 64;
    static final int MAX_NAME_LENGTH = 256;
    // A full questionnaire is about 120 JSON tokens.
    static final long MAX_TOKENS_PER_QUESTIONNAIRE = 2_000;

    private StrictJsonBodies() {
    }

    static ObjectReader reader(ObjectMapper mapper, long maxDocumentBytes, long maxTokens) {
        ObjectMapper strict = mapper.copy();
        strict.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNameLength(MAX_NAME_LENGTH)
                .maxDocumentLength(maxDocumentBytes)
                .maxTokenCount(maxTokens)
                .build());
        return strict.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static JsonNode parse(ObjectReader reader, byte[] body, Messages messages) {
        if (body == null || isBlank(body)) {
            throw ProblemException.invalid(messages.get("problem.emptyBody"), List.of());
        }
        // JSON is exchanged as UTF-8 (RFC 8259); the body is also recorded as UTF-8 text, which must be what was read.
        if (!isUtf8(body)) {
            throw ProblemException.invalid(messages.get("problem.notUtf8"), List.of());
        }
        try {
            return reader.readTree(body);
        } catch (StreamConstraintsException e) {
            throw beyondLimit(e, messages);
        } catch (JsonParseException e) {
            JsonParser parser = e.getProcessor();
            if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field") && parser != null) {
                String path = path(parser.getParsingContext());
                throw ProblemException.invalid(messages.get("problem.duplicate"),
                        List.of(new Violation(path, messages.get("violation.duplicate"))));
            }
            throw malformed(e, messages);
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof StreamConstraintsException limit) {
                throw beyondLimit(limit, messages);
            }
            throw malformed(e, messages);
        } catch (IOException e) {
            throw ProblemException.invalid(messages.get("problem.malformed", "?", "?"), List.of());
        }
    }

    /** Well-formed UTF-8 without a raw NUL, which JSON never holds and which betrays UTF-16 or UTF-32. */
    private static boolean isUtf8(byte[] body) {
        boolean ascii = true;
        for (byte b : body) {
            if (b == 0) {
                return false;
            }
            ascii &= b > 0;
        }
        if (ascii) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Blank as {@link String#isBlank()} sees it, without decoding the body when it starts like JSON. */
    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r') {
                continue;
            }
            if (b > ' ' && b < 0x7f) {
                return false;
            }
            return new String(body, StandardCharsets.UTF_8).isBlank();
        }
        return true;
    }

    /** A parser limit was hit: the document size is a 413 like the body limit, every other limit a 400. */
    private static ProblemException beyondLimit(StreamConstraintsException e, Messages messages) {
        String reason = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (reason.startsWith("Document length")) {
            return new ProblemException(Problem.of(ProblemType.PAYLOAD_TOO_LARGE,
                    messages.get("problem.documentTooLarge")));
        }
        String key;
        if (reason.startsWith("String value length")) {
            key = "problem.stringTooLong";
        } else if (reason.startsWith("Number value length")) {
            key = "problem.numberTooLong";
        } else if (reason.startsWith("Name length")) {
            key = "problem.nameTooLong";
        } else if (reason.startsWith("Token count")) {
            key = "problem.tooManyTokens";
        } else {
            key = "problem.tooDeep";
        }
        return ProblemException.invalid(messages.get(key), List.of());
    }

    private static ProblemException malformed(JsonProcessingException e, Messages messages) {
        var location = e.getLocation();
        String line = location == null ? "?" : String.valueOf(location.getLineNr());
        String column = location == null ? "?" : String.valueOf(location.getColumnNr());
        return ProblemException.invalid(messages.get("problem.malformed", line, column), List.of());
    }

    /** The JSON path of the parser's position, e.g. {@code history.eczema} or {@code [2].patient.age}. */
    static String path(JsonStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext current = context; current != null && !current.inRoot(); current = current.getParent()) {
            if (current.inArray()) {
                segments.add(0, "[" + current.getCurrentIndex() + "]");
            } else if (current.getCurrentName() != null) {
                segments.add(0, current.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (path.length() > 0 && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }
}
