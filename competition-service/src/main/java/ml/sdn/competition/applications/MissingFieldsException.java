package ml.sdn.competition.applications;

import java.util.List;

/** A submission (or an edit of a submitted application) without every required field: a 400 naming each. */
class MissingFieldsException extends RuntimeException {

    private final List<String> fields;

    MissingFieldsException(List<String> fields) {
        super("missing " + fields);
        this.fields = List.copyOf(fields);
    }

    List<String> fields() {
        return fields;
    }
}
