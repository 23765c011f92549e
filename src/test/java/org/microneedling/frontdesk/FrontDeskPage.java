package org.microneedling.frontdesk;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.microneedling.screening.rules.Question;

/** The front-desk page as a receptionist (or an integrator's script) uses it: by the contract's JSON paths. */
final class FrontDeskPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    FrontDeskPage(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    FrontDeskPage open(URL url) {
        driver.get(url.toString());
        return waitForQuestionnaire();
    }

    FrontDeskPage waitForQuestionnaire() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='patient.pregnant']")));
        return this;
    }

    String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    FrontDeskPage switchLanguage(String language) {
        String before = sectionTitle();
        new Select(driver.findElement(By.id("language-switch"))).selectByValue(language);
        wait.until(d -> language.equals(language()) && !sectionTitle().equals(before));
        return waitForQuestionnaire();
    }

    String sectionTitle() {
        List<WebElement> legends = driver.findElements(By.cssSelector("fieldset.section > legend"));
        return legends.isEmpty() ? "" : legends.get(0).getText();
    }

    FrontDeskPage answer(String path, String value) {
        WebElement radio = driver.findElement(By.cssSelector("input[type='radio'][name='" + path + "'][value='" + value
                + "']"));
        radio.click();
        return this;
    }

    FrontDeskPage type(String path, String text) {
        WebElement input = driver.findElement(By.name(path));
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Date inputs take keyboard entry in the locale's field order, so the value is set as a script would. */
    FrontDeskPage date(String path, String isoDate) {
        WebElement input = driver.findElement(By.name(path));
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                input, isoDate);
        return this;
    }

    FrontDeskPage skinType(String numeral) {
        new Select(driver.findElement(By.name("patient.fitzpatrickSkinType"))).selectByValue(numeral);
        return this;
    }

    FrontDeskPage medicine(String text) {
        List<WebElement> rows = driver.findElements(By.name("medications"));
        WebElement last = rows.get(rows.size() - 1);
        if (!last.getAttribute("value").isEmpty()) {
            driver.findElement(By.cssSelector("[data-path='medications'] .add-row")).click();
            rows = driver.findElements(By.name("medications"));
            last = rows.get(rows.size() - 1);
        }
        last.sendKeys(text);
        return this;
    }

    /** A healthy 36-year-old answering NO to every yes/no question of the history. */
    FrontDeskPage healthyBaseline() {
        date("asOf", "2026-11-25");
        date("patient.dateOfBirth", "1990-06-15");
        answer("patient.pregnant", "NO");
        answer("patient.breastfeeding", "NO");
        skinType("III");
        for (Question question : Question.values()) {
            if (question.path().startsWith("history.")) {
                answer(question.path(), "NO");
            }
        }
        return this;
    }

    FrontDeskPage submit() {
        driver.findElement(By.id("submit-screening")).click();
        return this;
    }

    WebElement result() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-outcome]")));
    }

    String outcome() {
        return result().getAttribute("data-outcome");
    }

    List<String> reasonCodes() {
        return result().findElements(By.cssSelector("li.reason")).stream().map(li -> li.getAttribute("data-code"))
                .toList();
    }

    WebElement reason(String code) {
        return result().findElement(By.cssSelector("li.reason[data-code='" + code + "']"));
    }

    WebElement errorSummary() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
    }

    /** The error text shown beside the control named by a violation's field. */
    String fieldError(String path) {
        WebElement control = driver.findElements(By.name(path)).get(0);
        String describedBy = control.getAttribute("aria-describedby");
        for (String id : describedBy == null ? new String[0] : describedBy.split(" ")) {
            if (id.endsWith("-error")) {
                return driver.findElement(By.id(id)).getText();
            }
        }
        return "";
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }
}
