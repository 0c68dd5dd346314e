package app.rundun.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * Debian's headless Chromium on a phone-sized screen, driven by its ChromeDriver: no browser is
 * downloaded. Grants a fake location, checks each screen with axe-core, and saves screenshots.
 */
final class Browser implements AutoCloseable {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String AXE_SOURCE = axeSource();

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  Browser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=390,844",
        "--user-data-dir=" + tempDir());
    options.setExperimentalOption(
        "mobileEmulation",
        Map.of(
            "deviceMetrics", Map.of("width", 390, "height", 844, "pixelRatio", 2, "touch", true)));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  void open(String url, double lat, double lng, double accuracy) {
    String origin = url.substring(0, url.indexOf('/', "http://".length()));
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of("origin", origin, "permissions", List.of("geolocation")));
    driver.executeCdpCommand(
        "Emulation.setGeolocationOverride",
        Map.of("latitude", lat, "longitude", lng, "accuracy", accuracy));
    driver.get(url);
  }

  void reload() {
    driver.navigate().refresh();
  }

  WebElement find(String css) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  void click(String css) {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
  }

  void clickText(String text) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//*[self::button or self::label][normalize-space(.)='" + text + "']")))
        .click();
  }

  void type(String css, String text) {
    WebElement input = find(css);
    input.clear();
    input.sendKeys(text);
  }

  /** Sets a date or time input as its picker would, firing the input event. */
  void setValue(String css, String value) {
    driver.executeScript(
        "arguments[0].value = arguments[1];"
            + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        find(css),
        value);
  }

  /** Draws a stroke across the element, as a finger would on a signature pad. */
  void draw(String css) {
    WebElement pad = find(css);
    new org.openqa.selenium.interactions.Actions(driver)
        .moveToElement(pad, -100, 0)
        .clickAndHold()
        .moveByOffset(60, 30)
        .moveByOffset(60, -40)
        .moveByOffset(60, 30)
        .release()
        .perform();
  }

  void attach(String css, Path file) {
    driver.findElement(By.cssSelector(css)).sendKeys(file.toAbsolutePath().toString());
  }

  /** Presses keys on whatever has the focus, as a keyboard would. */
  void press(CharSequence... keys) {
    new org.openqa.selenium.interactions.Actions(driver).sendKeys(keys).perform();
  }

  /**
   * Presses Tab until the focus is on an element matching {@code css}, as a keyboard user would.
   */
  void tabTo(String css) {
    for (int presses = 0; presses < 30; presses++) {
      if (Boolean.TRUE.equals(
          driver.executeScript("return document.activeElement.matches(arguments[0]);", css))) {
        return;
      }
      press(org.openqa.selenium.Keys.TAB);
    }
    throw new AssertionError("Tab never reached " + css + "; focus is on " + describe(focused()));
  }

  /** The element that has the focus. */
  WebElement focused() {
    return driver.switchTo().activeElement();
  }

  /** The accessible name the browser computes for the element, as a screen reader reads it. */
  String accessibleName(String css) {
    return find(css).getAccessibleName();
  }

  Object script(String javaScript) {
    return driver.executeScript(javaScript);
  }

  private static String describe(WebElement element) {
    return element.getTagName() + " \"" + element.getText() + "\" " + element.getAttribute("id");
  }

  /** Waits for the screen; when it does not come, says what the page showed and keeps a picture. */
  void awaitHeading(String text) {
    try {
      wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
    } catch (org.openqa.selenium.TimeoutException e) {
      Path picture = SCREENSHOTS.resolve("failed-" + System.currentTimeMillis() + ".png");
      String sync =
          driver.findElements(By.cssSelector("#sync")).stream()
              .map(WebElement::getText)
              .findFirst()
              .orElse("(no sync bar)");
      try {
        Files.createDirectories(SCREENSHOTS);
        Files.write(picture, driver.getScreenshotAs(OutputType.BYTES));
      } catch (IOException ignored) {
        picture = null;
      }
      throw new AssertionError(
          "No \"" + text + "\" screen; the sync bar said \"" + sync + "\"; screenshot " + picture,
          e);
    }
  }

  void awaitText(String css, String contains) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), contains));
  }

  String text(String css) {
    return find(css).getText();
  }

  /** Waits until a service worker controls the page, so it can be opened again offline. */
  void awaitServiceWorker() {
    Object controlled =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "navigator.serviceWorker.ready.then(() => {"
                + "  if (navigator.serviceWorker.controller) return done(true);"
                + "  navigator.serviceWorker.addEventListener('controllerchange', () => done(true));"
                + "});");
    assertThat(controlled).isEqualTo(Boolean.TRUE);
  }

  /** Screenshot under target/screenshots, then axe-core: no serious or critical violation. */
  void check(String screen) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(screen + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Once per page: the app's screens change without loading a page, and axe stays loaded.
    if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
      driver.executeScript(AXE_SOURCE);
    }
    String result =
        (String)
            driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {resultTypes: ['violations']})"
                    + ".then(r => done(JSON.stringify(r.violations.filter("
                    + "v => v.impact === 'serious' || v.impact === 'critical'))))"
                    + ".catch(e => done('[{\"id\":\"axe failed: ' + e + '\"}]'));");
    JsonNode violations = TestSystem.json(result);
    assertThat(violations.valueStream().map(v -> v.get("id").asString() + ": " + v.get("help")))
        .as("serious or critical accessibility violations on the %s screen", screen)
        .isEmpty();
  }

  private static String axeSource() {
    try (InputStream in = Browser.class.getResourceAsStream("/vendor/axe-core/axe.min.js")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tempDir() {
    return Scratch.directory("chromium").toString();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
