package ml.sdn.testing;

import org.awaitility.Awaitility;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.time.Duration;

/**
 * Awaitility checks a condition for the first time only after one poll interval (100 ms by default, the
 * interval itself when a test sets one: {@code pollInterval(2 s)} made every such wait last at least 2 s,
 * even when the page or the event was already there). Across the suite's thousand or so waits that was
 * minutes of sleeping. Every test JVM that has this module checks at once instead, then polls at the
 * interval the test chose; what a wait accepts and how long it may take are unchanged.
 *
 * <p>Registered for the JUnit Platform launcher through {@code META-INF/services}, so no test has to
 * remember it.
 */
public final class PromptAwaits implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }
}
