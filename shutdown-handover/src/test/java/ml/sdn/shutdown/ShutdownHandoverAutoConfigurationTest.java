package ml.sdn.shutdown;

import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownHandoverAutoConfigurationTest {

    private final AutoConfigurations handover = AutoConfigurations.of(ShutdownHandoverAutoConfiguration.class);

    /** "2s" read as a Duration, as in an application. */
    private static void asBootDoes(ConfigurableApplicationContext context) {
        context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
    }

    @Test
    void a_servlet_application_goes_unready_first_and_has_its_paused_connector_answer_503() {
        new WebApplicationContextRunner().withInitializer(ShutdownHandoverAutoConfigurationTest::asBootDoes)
                .withConfiguration(handover).run(context -> {
            assertThat(context).hasSingleBean(UnreadyBeforeShutdown.class);
            assertThat(context).hasBean("pausedConnectorRefusals");
        });
    }

    /** The gateway: reactive, no Tomcat on its class path. */
    @Test
    void without_tomcat_it_still_goes_unready_first() {
        new WebApplicationContextRunner().withInitializer(ShutdownHandoverAutoConfigurationTest::asBootDoes)
                .withClassLoader(new FilteredClassLoader(Tomcat.class))
                .withConfiguration(handover).run(context -> {
                    assertThat(context).hasSingleBean(UnreadyBeforeShutdown.class);
                    assertThat(context).doesNotHaveBean("pausedConnectorRefusals");
                });
    }
}
