package org.microneedling.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class QueueCursorTest {

    private final QueueCursor cursors = new QueueCursor("secret-of-the-deployment".getBytes(StandardCharsets.UTF_8));
    private final QueueCursor.Position position = new QueueCursor.Position(QueueFilter.PENDING,
            new QueueKey(Instant.parse("2026-11-25T09:00:00.123456Z"), UUID.randomUUID()));

    @Test
    void aCursorReadsBackAsThePositionItWasGivenFor() {
        assertThat(cursors.decode("lakeside", cursors.encode("lakeside", position))).contains(position);
    }

    @Test
    void anInstanceWithTheSameKeyReadsIt() {
        QueueCursor sameKey = new QueueCursor("secret-of-the-deployment".getBytes(StandardCharsets.UTF_8));

        assertThat(sameKey.decode("lakeside", cursors.encode("lakeside", position))).contains(position);
    }

    @Test
    void anotherClinicCannotUseIt() {
        assertThat(cursors.decode("harbor", cursors.encode("lakeside", position))).isEmpty();
    }

    @Test
    void aCursorWithAnotherPositionButTheOldSignatureIsRefused() {
        String cursor = cursors.encode("lakeside", position);
        String signature = cursor.substring(cursor.indexOf('.'));
        String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))),
                StandardCharsets.UTF_8).replace("PENDING", "ALL");
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + signature;

        assertThat(cursors.decode("lakeside", forged)).isEmpty();
    }

    @Test
    void anotherKeysCursorAndGarbageAreRefused() {
        QueueCursor otherKey = new QueueCursor("another-secret".getBytes(StandardCharsets.UTF_8));

        assertThat(cursors.decode("lakeside", otherKey.encode("lakeside", position))).isEmpty();
        assertThat(cursors.decode("lakeside", "")).isEmpty();
        assertThat(cursors.decode("lakeside", "...")).isEmpty();
        assertThat(cursors.decode("lakeside", "%%%.%%%")).isEmpty();
        assertThat(cursors.decode("lakeside", "x".repeat(10_000))).isEmpty();
    }

    @Test
    void everyChangedLastCharacterIsRefusedEvenWhereTheDecoderWouldIgnoreItsBits() {
        String cursor = cursors.encode("lakeside", position);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = cursor.charAt(cursor.length() - 1);

        for (char other : alphabet.toCharArray()) {
            if (other != last) {
                assertThat(cursors.decode("lakeside", cursor.substring(0, cursor.length() - 1) + other))
                        .as("last character %s instead of %s", other, last).isEmpty();
            }
        }
    }
}
