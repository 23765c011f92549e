package org.microneedling.frontdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.print.PrintOptions;

import io.quarkus.test.junit.QuarkusTest;

/** Keyboard, labels, focus, a 320 px screen and the printed chart copy, in a real browser. */
@QuarkusTest
class FrontDeskAccessibilityTest extends BrowserTest {

    @BeforeAll
    static void openBrowser() {
        startBrowser("en-US");
    }

    /** Runs before the console check: the next test starts on a plain screen. */
    @AfterEach
    void clearEmulation() {
        browser.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }

    private WebElement focused() {
        return browser.driver().switchTo().activeElement();
    }

    private String describe(WebElement element) {
        String name = element.getAttribute("name");
        String id = element.getAttribute("id");
        return element.getTagName() + (name != null && !name.isEmpty() ? "[name=" + name + "]" : "")
                + (id != null && !id.isEmpty() ? "#" + id : "");
    }

    @Test
    void aReceptionistCanScreenAPatientWithTheKeyboardAloneAndAlwaysSeesWhereTheFocusIs() {
        FrontDeskPage page = new FrontDeskPage(browser.driver()).open(root);
        Set<String> required = Set.of("patient.pregnant", "history.activeAcne", "history.activeColdSores",
                "history.coldSoreHistory", "history.otherActiveSkinInfection", "history.eczema", "history.psoriasis",
                "history.keloidOrHypertrophicScarring", "history.bleedingDisorder", "history.takesBloodThinners",
                "history.radiationTherapy");
        List<String> visited = new ArrayList<>();
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        for (int presses = 0; presses < 150; presses++) {
            WebElement element = focused();
            String name = element.getAttribute("name");
            visited.add(describe(element));
            assertVisibleFocus(element);
            if ("patient.age".equals(name)) {
                element.sendKeys("36");
            } else if ("radio".equals(element.getAttribute("type")) && required.contains(name)) {
                element.sendKeys(Keys.ARROW_RIGHT);
                assertThat(focused().getAttribute("value")).isEqualTo("NO");
                assertThat(focused().isSelected()).isTrue();
            } else if ("medications".equals(name)) {
                element.sendKeys("metformin 500 mg");
            } else if ("submit-screening".equals(element.getAttribute("id"))) {
                element.sendKeys(Keys.ENTER);
                break;
            }
            focused().sendKeys(Keys.TAB);
        }

        assertThat(visited).contains("select#language-switch", "input[name=patient.dateOfBirth]#field-patient-dateOfBirth",
                "input[name=treatment.energyAssisted]#field-treatment-energyAssisted",
                "button#field-medications-add", "button#submit-screening");
        assertThat(page.outcome()).isEqualTo("ELIGIBLE");
        assertThat(focused().getAttribute("id")).isEqualTo("result-heading");
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("print-result");
        assertVisibleFocus(focused());
    }

    @Test
    void addMedicineWorksFromTheKeyboardAndFocusesTheNewRow() {
        new FrontDeskPage(browser.driver()).open(root);
        WebElement add = browser.driver().findElement(By.cssSelector("[data-path='medications'] .add-row"));
        browser.driver().executeScript("arguments[0].focus();", add);
        add.sendKeys(Keys.ENTER);
        add.sendKeys(Keys.ENTER);

        List<WebElement> rows = browser.driver().findElements(By.name("medications"));
        assertThat(rows).hasSize(3);
        assertThat(focused().getAttribute("id")).isEqualTo(rows.get(2).getAttribute("id"));
        assertThat(browser.driver().findElement(By.cssSelector("label[for='" + rows.get(2).getAttribute("id") + "']"))
                .getText()).isEqualTo("Medicine 3");
        WebElement remove = rows.get(2).findElement(By.xpath("following-sibling::button"));
        assertThat(remove.getAttribute("aria-label")).isEqualTo("Remove medicine 3");
    }

    @Test
    void everyControlHasALabelAndEveryRadioGroupALegend() {
        new FrontDeskPage(browser.driver()).open(root);
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.driver().executeScript("""
                return [...document.querySelectorAll('input, select, textarea, button')]
                    .filter(control => {
                        const label = control.labels && [...control.labels].map(l => l.textContent.trim()).join('');
                        const named = label || control.getAttribute('aria-label') || (control.tagName === 'BUTTON'
                            && control.textContent.trim());
                        if (!named) return true;
                        if (control.type === 'radio') {
                            const legend = control.closest('fieldset')?.querySelector('legend');
                            return !legend || !legend.textContent.trim();
                        }
                        return false;
                    })
                    .map(control => control.outerHTML);
                """);
        assertThat(unlabelled).isEmpty();
    }

    @Test
    void thePageFitsA320PixelScreenWithoutSidewaysScrolling() {
        browser.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        FrontDeskPage page = new FrontDeskPage(browser.driver()).open(root);
        assertThat(scrollWidth()).isLessThanOrEqualTo(320);

        page.healthyBaseline().answer("history.eczema", "YES").medicine("Eliquis 5 mg twice daily").submit();
        assertThat(page.outcome()).isEqualTo("INELIGIBLE");
        assertThat(scrollWidth()).isLessThanOrEqualTo(320);
        long submitRight = (Long) browser.driver().executeScript(
                "return Math.ceil(document.getElementById('submit-screening').getBoundingClientRect().right);");
        assertThat(submitRight).isLessThanOrEqualTo(320);
    }

    private long scrollWidth() {
        return (Long) browser.driver().executeScript("return document.documentElement.scrollWidth;");
    }

    @Test
    void thePrintedResultShowsOnlyTheDecisionWithItsIdentityOnOnePage() {
        FrontDeskPage page = new FrontDeskPage(browser.driver()).open(root);
        page.healthyBaseline()
                .date("patient.dateOfBirth", "2007-01-10")
                .answer("patient.pregnant", "YES")
                .answer("history.activeAcne", "YES")
                .answer("history.coldSoreHistory", "YES")
                .date("lastMicroneedlingDate", "2026-11-10")
                .medicine("Plavix 75 mg")
                .medicine("ibuprofen 400 mg")
                .type("externalReference", "visit-print-1")
                .submit();
        assertThat(page.reasonCodes()).hasSizeGreaterThanOrEqualTo(5);

        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.driver().findElement(By.id("screening-form")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("language-switch")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("print-result")).isDisplayed()).isFalse();
        WebElement result = page.result();
        assertThat(result.findElement(By.cssSelector("[data-field='screeningId']")).isDisplayed()).isTrue();
        assertThat(result.findElement(By.cssSelector("[data-field='asOf']")).getText()).contains("2026");
        assertThat(result.findElement(By.cssSelector("[data-field='evaluatedAt']")).isDisplayed()).isTrue();
        assertThat(result.findElement(By.cssSelector("[data-field='ruleset']")).getText()).contains("1.0.0");
        assertThat(result.findElement(By.cssSelector("[data-field='externalReference']")).getText())
                .isEqualTo("visit-print-1");

        PrintOptions options = new PrintOptions();
        options.setBackground(true);
        byte[] pdf = Base64.getDecoder().decode(browser.driver().print(options).getContent());
        assertThat(pageCount(pdf)).as("printed pages").isEqualTo(1);
    }

    private static int pageCount(byte[] pdf) {
        Matcher pages = Pattern.compile("/Type\\s*/Page(?![s\\w])")
                .matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        int count = 0;
        while (pages.find()) {
            count++;
        }
        return count;
    }

    private void assertVisibleFocus(WebElement element) {
        Browser.assertVisibleFocus(element, describe(element));
    }
}
