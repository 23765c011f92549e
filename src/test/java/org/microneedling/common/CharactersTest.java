package org.microneedling.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CharactersTest {

    private static final String EMOJI = "\uD83D\uDE00";

    @Test
    void anEmojiCountsAsOneCharacter() {
        assertThat(Characters.count(EMOJI.repeat(33))).isEqualTo(33);
        assertThat(Characters.count("año")).isEqualTo(3);
    }

    @Test
    void exceedCountsCodePointsNotUtf16Units() {
        assertThat(Characters.exceed(EMOJI.repeat(64), 64)).isFalse();
        assertThat(Characters.exceed(EMOJI.repeat(65), 64)).isTrue();
        assertThat(Characters.exceed("x".repeat(64), 64)).isFalse();
        assertThat(Characters.exceed("x".repeat(65), 64)).isTrue();
    }

    @Test
    void truncateKeepsWholeCharacters() {
        String cut = Characters.truncate("ab" + EMOJI.repeat(5), 4);

        assertThat(cut).isEqualTo("ab" + EMOJI + EMOJI);
        assertThat(Characters.truncate("short", 200)).isEqualTo("short");
    }
}
