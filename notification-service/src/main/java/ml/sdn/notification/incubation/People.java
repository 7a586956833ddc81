package ml.sdn.notification.incubation;

import ml.sdn.notification.recipients.Recipient;
import ml.sdn.notification.recipients.Recipients;
import org.springframework.stereotype.Component;

/**
 * Names of the people an incubation notice mentions (the coach to the participant, the participant to the
 * coach), from this service's copy of registration's profiles: null when the person's profile has not
 * reached this service or was erased, and the templates then say "your coach" or leave the name out.
 */
@Component
class People {

    private final Recipients recipients;

    People(Recipients recipients) {
        this.recipients = recipients;
    }

    String nameOf(String personId) {
        if (personId == null || personId.isBlank()) {
            return null;
        }
        return recipients.find(personId)
                .filter(person -> !person.erased())
                .map(Recipient::displayName)
                .filter(IncubationEvents::known)
                .orElse(null);
    }
}
