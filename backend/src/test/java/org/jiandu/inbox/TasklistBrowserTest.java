package org.jiandu.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.jiandu.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Camunda Tasklist in a real browser (Debian's chromium and chromedriver, installed by {@code .ci/run}):
 * the supervisor logs in, opens a task, claims it, fills its Camunda Form and completes it; the effect is
 * checked through the API. Skipped when the browser is not installed. A screenshot of a failure is saved
 * as {@code backend/target/tasklist-failure.png}.
 */
@Tag("browser")
class TasklistBrowserTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String WEBAPP_ADMIN_GROUP = "camunda-admin";

    @Autowired
    ProcessEngine engine;

    private WebDriver browser;
    private boolean addedWebappAdmin;

    @BeforeEach
    void startBrowser() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are not installed");
        InboxTestProcesses.deploy(engine);
        ensureWebappAdmin();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--window-size=1400,1000", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (addedWebappAdmin) {
            engine.getIdentityService().deleteMembership("admin", WEBAPP_ADMIN_GROUP);
        }
    }

    /**
     * The webapps send everyone to their first-start setup page while no user is a member of
     * {@code camunda-admin}; the demo data does not make one (reported to the foundation), so the test does.
     */
    private void ensureWebappAdmin() {
        var identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(WEBAPP_ADMIN_GROUP).count() == 0) {
            var group = identity.newGroup(WEBAPP_ADMIN_GROUP);
            group.setName("Camunda 管理员");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        if (identity.createUserQuery().memberOfGroup(WEBAPP_ADMIN_GROUP).count() == 0) {
            identity.createMembership("admin", WEBAPP_ADMIN_GROUP);
            addedWebappAdmin = true;
        }
    }

    @Test
    void supervisorCompletesATaskWithItsFormInTasklist() throws Exception {
        String businessKey = InboxTestProcesses.start(engine, "SCJ");
        String taskId = InboxTestProcesses.taskOf(engine, businessKey);
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
            browser.get(tasklist);
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
                    .sendKeys("supervisor");
            browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
            browser.findElement(By.cssSelector("button[type='submit']")).click();

            // the shared filters are there for the role, in Chinese
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "组待办"));
            assertThat(browser.findElement(By.cssSelector("body")).getText()).contains("我的待办", "逾期");

            browser.get(tasklist + "#/?task=" + taskId);
            WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim")));
            assertThat(claim.getText()).as("Tasklist speaks Chinese to a Chinese browser").isEqualTo("认领");
            claim.click();

            WebElement opinion = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("textarea.fjs-textarea")));
            assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).contains("处理意见", "处理结论");
            opinion.sendKeys("已在浏览器中办理");
            browser.findElement(By.xpath("//label[normalize-space(.)='同意']")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']"))).click();

            wait.withMessage("the task is completed").until(driver ->
                    engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
        } catch (RuntimeException | AssertionError e) {
            Path target = Path.of("target", "tasklist-failure.png");
            Files.createDirectories(target.getParent());
            Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
            throw e;
        }

        // the effect, as the API shows it
        JsonNode done = get("supervisor", "/api/tasks?view=DONE&businessKey=" + businessKey).body();
        assertThat(done.get("total").asLong()).isEqualTo(1);
        assertThat(done.get("items").get(0).get("stepName").asText()).isEqualTo("承办");
        Task review = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).singleResult();
        assertThat(review.getName()).isEqualTo("审核");
        assertThat(engine.getRuntimeService().getVariable(review.getProcessInstanceId(), "decision")).isEqualTo("agree");
        assertThat(engine.getRuntimeService().getVariable(review.getProcessInstanceId(), "opinion"))
                .isEqualTo("已在浏览器中办理");
    }
}
