package ml.sdn.platform.messaging;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.kafka.annotation.KafkaListener;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumedTopicsTest {

    @KafkaListener(topics = "registration.participants", groupId = "${spring.application.name}")
    static class ClassLevelListener {
    }

    static class MethodLevelListener {
        @KafkaListener(topics = {"competition.applications", "registration.participants"})
        void on(String event) {
        }
    }

    static class NoListener {
    }

    @Test
    void finds_each_listened_topic_with_its_group_and_names_one_dead_letter_topic_per_pair() {
        DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
        beanFactory.addEmbeddedValueResolver(value -> value.replace("${spring.application.name}", "competition-service"));
        beanFactory.registerBeanDefinition("a", new RootBeanDefinition(ClassLevelListener.class));
        beanFactory.registerBeanDefinition("b", new RootBeanDefinition(MethodLevelListener.class));
        beanFactory.registerBeanDefinition("c", new RootBeanDefinition(NoListener.class));

        ConsumedTopics topics = ConsumedTopics.scan(beanFactory, "default-group");

        assertThat(topics.consumptions()).containsExactlyInAnyOrder(
                new ConsumedTopics.Consumption("registration.participants", "competition-service"),
                new ConsumedTopics.Consumption("competition.applications", "default-group"),
                new ConsumedTopics.Consumption("registration.participants", "default-group"));
        assertThat(topics.deadLetterTopics()).containsExactlyInAnyOrder(
                "registration.participants.competition-service.DLT",
                "competition.applications.default-group.DLT",
                "registration.participants.default-group.DLT");
    }
}
