package ml.sdn.portal.participant.notifications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caller's choices as notification-service answers them: e-mail on/off for every kind (catalogue order)
 * and SMS on/off for the kinds sent by SMS, with the kinds that cannot be switched off on each channel, and the
 * number SMS go to, masked ({@code +227 … 56}; null when the profile has none).
 */
public record Preferences(Map<String, Boolean> email, List<String> required, Map<String, Boolean> sms, List<String> smsRequired,
                          String smsTo) {

    /** One line of the page: a kind and what each channel does with it. */
    public record Row(String kind, Channel email, Channel sms) {
    }

    /** ALWAYS: cannot be switched off; ON/OFF: the person's choice; NONE: not sent on this channel. */
    public enum Channel { ALWAYS, ON, OFF, NONE }

    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        email.forEach((kind, on) -> rows.add(new Row(kind, channel(kind, on, required),
                sms.containsKey(kind) ? channel(kind, sms.get(kind), smsRequired) : Channel.NONE)));
        return rows;
    }

    private static Channel channel(String kind, Boolean on, List<String> required) {
        return required.contains(kind) ? Channel.ALWAYS : Boolean.TRUE.equals(on) ? Channel.ON : Channel.OFF;
    }

    /**
     * What the form asks for: every kind the person may switch, on when ticked, off when not (an unticked box
     * sends nothing). Kinds the service does not list for a channel are not sent.
     */
    Map<String, Object> request(Set<String> emailTicked, Set<String> smsTicked) {
        Map<String, Boolean> emailChoices = new LinkedHashMap<>();
        email.keySet().stream().filter(kind -> !required.contains(kind))
                .forEach(kind -> emailChoices.put(kind, emailTicked.contains(kind)));
        Map<String, Boolean> smsChoices = new LinkedHashMap<>();
        sms.keySet().stream().filter(kind -> !smsRequired.contains(kind))
                .forEach(kind -> smsChoices.put(kind, smsTicked.contains(kind)));
        return Map.of("email", emailChoices, "sms", smsChoices);
    }
}
