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

/** The review queue as a provider uses it, and the patient look-up as a receptionist does. */
final class ReviewPage {

    private final WebDriver driver;
    private final WebDriverWait wait;

    ReviewPage(WebDriver driver) {
        this.driver = driver;
        // The queue re-renders after each answer, so an element found a moment ago may be replaced before it is read.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens the page in a fresh tab session and enters the clinic key when the service asks for it. */
    ReviewPage signIn(URL root, String key) {
        String previous = driver.getWindowHandle();
        String fresh = driver.switchTo().newWindow(WindowType.TAB).getWindowHandle();
        driver.switchTo().window(previous).close();
        driver.switchTo().window(fresh);
        driver.get(root.toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-key"))).sendKeys(key + "\n");
        return waitUntilSignedIn();
    }

    /** The questionnaire has loaded, or the queue is the whole page for a provider who may not screen. */
    ReviewPage waitUntilSignedIn() {
        wait.until(d -> !d.findElement(By.id("loading")).isDisplayed()
                || d.findElement(By.id("review-view")).isDisplayed());
        return this;
    }

    boolean queueOffered() {
        return driver.findElement(By.id("view-review-link")).isDisplayed()
                || driver.findElement(By.id("review-view")).isDisplayed();
    }

    ReviewPage openQueue() {
        WebElement link = driver.findElement(By.id("view-review-link"));
        if (link.isDisplayed()) {
            link.click();
        }
        return waitForQueue();
    }

    ReviewPage waitForQueue() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#review-queue ol, #review-empty")));
        return this;
    }

    ReviewPage switchLanguage(String language) {
        new Select(driver.findElement(By.id("language-switch"))).selectByValue(language);
        wait.until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        String title = PageStrings.get(language, "reviewTitle");
        wait.until(d -> title.equals(d.findElement(By.id("review-title")).getText()));
        return waitForQueue();
    }

    List<String> queuedScreenings() {
        return driver.findElements(By.cssSelector("#review-queue li.queue-item")).stream()
                .map(item -> item.getAttribute("data-screening-id")).toList();
    }

    WebElement queueItem(String screeningId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#review-queue li.queue-item[data-screening-id='" + screeningId + "']")));
    }

    ReviewPage open(String screeningId) {
        queueItem(screeningId).findElement(By.className("open-review")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("review-form")));
        return this;
    }

    WebElement detail() {
        return driver.findElement(By.id("review-detail"));
    }

    ReviewPage decide(String decision) {
        driver.findElement(By.cssSelector("#review-form input[name='decision'][value='" + decision + "']")).click();
        return this;
    }

    ReviewPage rationale(String text) {
        driver.findElement(By.name("rationale")).sendKeys(text);
        return this;
    }

    ReviewPage condition(String text) {
        driver.findElement(By.name("conditions[0]")).sendKeys(text);
        return this;
    }

    /** Date inputs take keyboard entry in the locale's field order, so the value is set as a script would. */
    ReviewPage validUntil(String isoDate) {
        script("arguments[0].value = arguments[1];", driver.findElement(By.name("validUntil")), isoDate);
        return this;
    }

    ReviewPage submit() {
        driver.findElement(By.id("submit-review")).click();
        return this;
    }

    /** What the page announced after recording a decision. */
    WebElement recorded() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#review-status p")));
    }

    /** The error shown beside the control a violation names, once it is shown. */
    String fieldError(String path) {
        WebElement control = driver.findElements(By.name(path)).get(0);
        wait.until(d -> "true".equals(control.getAttribute("aria-invalid")));
        for (String id : control.getAttribute("aria-describedby").split(" ")) {
            if (id.endsWith("-error")) {
                return driver.findElement(By.id(id)).getText();
            }
        }
        return "";
    }

    /** Looks the patient up by the clinic's reference and gives the answer once it is shown. */
    WebElement lookUp(String patientReference) {
        WebElement input = driver.findElement(By.id("lookup-reference"));
        input.clear();
        input.sendKeys(patientReference);
        driver.findElement(By.id("lookup-submit")).click();
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#lookup-result .lookup-answer")));
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void waitUntilFocused(String id) {
        wait.until(d -> id.equals(d.switchTo().activeElement().getAttribute("id")));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }
}
