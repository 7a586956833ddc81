package ml.sdn.notification.dispatch;

import ml.sdn.notification.catalogue.Language;
import ml.sdn.notification.catalogue.NotificationKind;

import java.util.Map;
import java.util.Objects;

/**
 * "E-mail this address, which is no known recipient, in this language": e-mail only, no inbox (there is
 * nobody to show it to). {@code about} names what the e-mail is about (an invitation's id) and
 * {@code recipientKey} who it is for as far as this service knows ({@code invitation:<id>}): the e-mail
 * is queued once per pair, whatever event or redelivery asks for it again.
 */
public record AddressedNotice(String about, String recipientKey, NotificationKind kind, String address,
                              Language language, Map<String, ?> model) {

    public AddressedNotice {
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(recipientKey, "recipientKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(language, "language");
        model = Map.copyOf(model);
    }

    /** Never the address or the model: an invitation's model holds a one-time link. */
    @Override
    public String toString() {
        return "AddressedNotice[" + kind + " about " + about + "]";
    }
}
