package org.microneedling.frontdesk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * What integrators script against: the controls are named by the API's JSON paths with the API's
 * values, the page follows the browser's language, and a clinic key lives in sessionStorage only.
 */
@QuarkusTest
class FrontDeskContractTest extends BrowserTest {

    @BeforeAll
    static void openBrowser() {
        startBrowser("en-GB");
    }

    @Test
    void everyQuestionOfTheApiIsAControlNamedByItsJsonPathWithTheApisValues() {
        JsonPath questionnaire = given().get("/api/v1/questionnaire").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = questionnaire.getList("sections.items.flatten()");
        new FrontDeskPage(browser.driver()).open(root);
        Set<String> pageNames = new TreeSet<>();
        for (WebElement control : browser.driver().findElements(By.cssSelector("#screening-form [name]"))) {
            pageNames.add(control.getAttribute("name"));
        }
        assertThat(pageNames).containsExactlyInAnyOrderElementsOf(
                items.stream().map(item -> (String) item.get("path")).toList());

        for (Map<String, Object> item : items) {
            String path = (String) item.get("path");
            List<WebElement> controls = browser.driver().findElements(By.name(path));
            switch ((String) item.get("type")) {
                case "answer" -> assertThat(controls).as(path)
                        .allSatisfy(control -> assertThat(control.getAttribute("type")).isEqualTo("radio"))
                        .extracting(control -> control.getAttribute("value")).containsExactly("YES", "NO", "UNKNOWN");
                case "skinType" -> assertThat(controls.get(0).findElements(By.tagName("option")))
                        .extracting(option -> option.getAttribute("value"))
                        .containsExactly("", "I", "II", "III", "IV", "V", "VI");
                case "date" -> assertThat(controls.get(0).getAttribute("type")).as(path).isEqualTo("date");
                case "integer", "decimal" -> assertThat(controls.get(0).getAttribute("type")).as(path)
                        .isEqualTo("number");
                case "boolean" -> assertThat(controls.get(0).getAttribute("type")).as(path).isEqualTo("checkbox");
                case "stringList" -> assertThat(controls).as(path).hasSize(1)
                        .allSatisfy(control -> assertThat(control.getAttribute("type")).isEqualTo("text"));
                default -> assertThat(controls.get(0).getAttribute("type")).as(path).isEqualTo("text");
            }
        }
    }

    @Test
    void aSpanishBrowserGetsTheSpanishPageQuestionnaireAndDecision() {
        try (Browser spanish = Browser.start("es-ES")) {
            FrontDeskPage page = new FrontDeskPage(spanish.driver()).open(root);
            assertThat(page.language()).isEqualTo("es");
            assertThat(spanish.driver().findElement(By.tagName("h1")).getText())
                    .isEqualTo(PageStrings.get("es", "pageTitle"));
            assertThat(page.sectionTitle()).isEqualTo("Datos del paciente");
            assertThat(spanish.driver().findElement(By.cssSelector("label[for='field-patient-pregnant-UNKNOWN']"))
                    .getText()).isEqualTo("No se sabe");

            page.healthyBaseline().answer("history.psoriasis", "YES").submit();

            assertThat(page.outcome()).isEqualTo("INELIGIBLE");
            assertThat(page.result().findElement(By.cssSelector(".outcome-word")).getText())
                    .startsWith(PageStrings.get("es", "outcome.INELIGIBLE"));
            assertThat(page.reason("PSORIASIS").getText()).contains("psoriasis").contains("Koebner")
                    .contains("no ofrece");
            spanish.assertNoConsoleErrors();
        }
    }

    @Test
    void apiKeyLogicAsksOnceKeepsTheKeyInSessionStorageAndAsksAgainWhenItIsRejected() {
        new FrontDeskPage(browser.driver()).open(root);
        @SuppressWarnings("unchecked")
        Map<String, Object> outcome = (Map<String, Object>) browser.driver().executeAsyncScript(
                TestScripts.load("/frontdesk/api-key-logic.js"));

        assertThat(outcome.get("error")).isNull();
        assertThat(outcome.get("statuses")).isEqualTo(List.of(200L, 200L, 200L));
        assertThat(outcome.get("sentKeys")).isEqualTo(Arrays.asList(null, "clinic-key", "clinic-key",
                "clinic-key", "new-key"));
        assertThat(outcome.get("prompts")).isEqualTo(List.of(false, true));
        assertThat(outcome.get("stored")).isEqualTo("new-key");
        assertThat(outcome.get("localStorageEntries")).isEqualTo(0L);
        assertThat(outcome.get("cookie")).isEqualTo("");
    }

    @Test
    void whenTheServiceAsksForAKeyTheReceptionistEntersItOncePerTab() {
        FrontDeskPage page = new FrontDeskPage(browser.driver()).open(root);
        // Authentication lands in a later issue; until then the page's fetch is wrapped to answer 401 without a key.
        page.script(TestScripts.load("/frontdesk/require-api-key.js"));
        page.healthyBaseline().submit();

        WebElement dialog = new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key-dialog")));
        WebElement keyInput = dialog.findElement(By.id("api-key"));
        assertThat(keyInput.getAttribute("type")).isEqualTo("password");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("api-key");
        keyInput.sendKeys("front-desk-key\n");

        assertThat(page.outcome()).isEqualTo("ELIGIBLE");
        assertThat(page.script("return sessionStorage.getItem('microneedling.frontdesk.apiKey');"))
                .isEqualTo("front-desk-key");
        assertThat(page.script("return localStorage.length;")).isEqualTo(0L);
        assertThat(page.script("return document.cookie;")).isEqualTo("");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("front-desk-key");

        page.answer("history.eczema", "YES").submit();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> "INELIGIBLE".equals(page.outcome()));
        assertThat(dialog.isDisplayed()).isFalse();
        // Each result is followed by a call for the screening's status today, with the same key.
        assertThat(page.script("return window.sentApiKeys;"))
                .isEqualTo(Arrays.asList(null, "front-desk-key", "front-desk-key", "front-desk-key", "front-desk-key"));
        page.script("sessionStorage.clear();");
    }
}
