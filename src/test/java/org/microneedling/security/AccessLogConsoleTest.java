package org.microneedling.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** In the running service the access category writes to the console in blocks, and still logs every request. */
@QuarkusTest
class AccessLogConsoleTest {

    @Test
    void theAccessCategoryHasTheBlockWrittenConsole() {
        given().when().get("/q/health/live").then().statusCode(200);

        assertThat(LogContext.getLogContext().getLogger(AccessLog.CATEGORY).getHandlers())
                .hasAtLeastOneElementOfType(BlockWrittenConsole.class);
        assertThat(LogContext.getLogContext().getLogger(AccessLog.CATEGORY).getUseParentHandlers()).isFalse();
    }
}
