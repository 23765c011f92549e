package org.microneedling.frontdesk;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The clinic policy view as a medical director uses it, signed in with a clinic key. */
final class PolicyPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    PolicyPage(WebDriver driver) {
        this.driver = driver;
        // The view re-renders after each answer, so an element found a moment ago may be replaced before it is read.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens the page in a fresh tab session and enters the key when the service asks for it. */
    PolicyPage signIn(URL root, String key) {
        // The key lives in the tab's sessionStorage: a new tab has none, so the page asks for this one.
        String previous = driver.getWindowHandle();
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        driver.switchTo().window(previous).close();
        driver.switchTo().window(fresh);
        driver.get(root.toString());
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key")));
        input.sendKeys(key + "\n");
        // Signed in: the questionnaire has loaded, or the policy is the whole page for a client who may not screen.
        wait.until(d -> !d.findElement(By.id("loading")).isDisplayed() || d.findElement(By.id("policy-view"))
                .isDisplayed());
        return this;
    }

    boolean navigationShown() {
        return driver.findElement(By.id("views")).isDisplayed();
    }

    PolicyPage openPolicyView() {
        WebElement link = driver.findElement(By.id("view-policy-link"));
        if (link.isDisplayed()) {
            link.click();
        }
        return waitForPolicy();
    }

    PolicyPage waitForPolicy() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#policy-in-force dd[data-parameter='minimumAge']")));
        return this;
    }

    PolicyPage switchLanguage(String language) {
        new Select(driver.findElement(By.id("language-switch"))).selectByValue(language);
        wait.until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        return waitForPolicy();
    }

    String inForceIdentity() {
        return driver.findElement(By.id("policy-in-force-identity")).getText();
    }

    WebElement parameter(String name) {
        return driver.findElement(By.cssSelector("#policy-in-force dd[data-parameter='" + name + "']"));
    }

    String parameterValue(String name) {
        return parameter(name).findElement(By.className("parameter-value")).getText();
    }

    String parameterHelp(String name) {
        return parameter(name).findElement(By.className("parameter-help")).getText();
    }

    WebElement outcomeRow(String code) {
        return driver.findElement(By.cssSelector("#policy-outcomes tr[data-code='" + code + "']"));
    }

    String versionStatus(int version) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#policy-versions-table tr[data-version='" + version + "']"))).getAttribute("data-status");
    }

    WebElement versionRow(int version) {
        return driver.findElement(By.cssSelector("#policy-versions-table tr[data-version='" + version + "']"));
    }

    /** Types into a draft control named by its API path, such as {@code parameters.minimumAge}. */
    PolicyPage draft(String path, String value) {
        WebElement control = driver.findElement(By.cssSelector("#draft-form [name='" + path + "']"));
        if ("select".equals(control.getTagName())) {
            new Select(control).selectByValue(value);
        } else {
            control.clear();
            control.sendKeys(value);
        }
        return this;
    }

    PolicyPage submitDraft() {
        driver.findElement(By.id("create-draft")).click();
        return this;
    }

    /** The error shown beside the control a violation names, once it is shown. */
    String fieldError(String path) {
        WebElement control = driver.findElement(By.name(path));
        wait.until(d -> "true".equals(control.getAttribute("aria-invalid")));
        for (String id : control.getAttribute("aria-describedby").split(" ")) {
            if (id.endsWith("-error")) {
                return driver.findElement(By.id(id)).getText();
            }
        }
        return "";
    }

    String status() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#policy-status p"))).getText();
    }

    PolicyPage waitForStatus(String text) {
        wait.until(d -> {
            List<WebElement> messages = d.findElements(By.cssSelector("#policy-status p"));
            return !messages.isEmpty() && messages.get(0).getText().equals(text);
        });
        return this;
    }

    PolicyPage replay(int version, String from, String to) {
        new Select(driver.findElement(By.id("replay-version"))).selectByValue(String.valueOf(version));
        date("from", from);
        date("to", to);
        driver.findElement(By.id("run-replay")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("replay-heading")));
        return this;
    }

    WebElement replayResult() {
        return driver.findElement(By.id("replay-result"));
    }

    PolicyPage requestActivation(int version) {
        new Select(driver.findElement(By.id("activation-version"))).selectByValue(String.valueOf(version));
        driver.findElement(By.id("activate-policy")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("activation-dialog")));
        return this;
    }

    WebElement alert() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("policy-alert")));
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Date inputs take keyboard entry in the locale's field order, so the value is set as a script would. */
    private void date(String name, String isoDate) {
        WebElement input = driver.findElement(By.cssSelector("#replay-form [name='" + name + "']"));
        script("arguments[0].value = arguments[1];", input, isoDate);
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }
}
