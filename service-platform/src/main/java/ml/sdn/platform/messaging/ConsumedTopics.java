package ml.sdn.platform.messaging;

import ml.sdn.events.Topics;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The topics this service consumes and with which consumer group, read from its {@code @KafkaListener}
 * beans (class or method level, placeholders resolved): the platform declares and reads the
 * dead-letter topic of each pair, so a service cannot forget one and no two services share one.
 */
public final class ConsumedTopics {

    /** One topic read by one consumer group. */
    public record Consumption(String topic, String group) {

        public String deadLetterTopic() {
            return Topics.dltOf(topic, group);
        }
    }

    private final List<Consumption> consumptions;

    public ConsumedTopics(List<Consumption> consumptions) {
        this.consumptions = List.copyOf(new LinkedHashSet<>(consumptions));
    }

    public List<Consumption> consumptions() {
        return consumptions;
    }

    public List<String> deadLetterTopics() {
        return consumptions.stream().map(Consumption::deadLetterTopic).distinct().toList();
    }

    /** Finds the listeners among the bean definitions; {@code defaultGroup} is the group of a listener naming none. */
    public static ConsumedTopics scan(ConfigurableListableBeanFactory beanFactory, String defaultGroup) {
        Set<Consumption> found = new LinkedHashSet<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(name, false);
            if (type == null) {
                continue;
            }
            Class<?> userClass = ClassUtils.getUserClass(type);
            List<KafkaListener> listeners = new ArrayList<>(
                    AnnotatedElementUtils.findMergedRepeatableAnnotations(userClass, KafkaListener.class));
            ReflectionUtils.doWithMethods(userClass, method -> listeners.addAll(
                    AnnotatedElementUtils.findMergedRepeatableAnnotations(method, KafkaListener.class)));
            for (KafkaListener listener : listeners) {
                String group = StringUtils.hasText(listener.groupId())
                        ? beanFactory.resolveEmbeddedValue(listener.groupId()) : defaultGroup;
                for (String topic : listener.topics()) {
                    found.add(new Consumption(beanFactory.resolveEmbeddedValue(topic), group));
                }
            }
        }
        return new ConsumedTopics(new ArrayList<>(found));
    }
}
