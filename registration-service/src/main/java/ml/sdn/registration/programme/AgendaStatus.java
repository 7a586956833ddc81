package ml.sdn.registration.programme;

/** Where a person stands on a session of their agenda. */
enum AgendaStatus {
    CONFIRMED, WAITING, CANCELLED
}
