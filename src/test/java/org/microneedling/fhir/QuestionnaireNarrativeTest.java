package org.microneedling.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuestionnaireNarrativeTest {

    @Test
    void markupInATextStaysText() {
        assertThat(QuestionnaireNarrative.escape("<script>alert('x')</script> & \"more\""))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
    }
}
