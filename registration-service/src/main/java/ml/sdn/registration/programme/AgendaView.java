package ml.sdn.registration.programme;

/** One session of my agenda: CONFIRMED, or WAITING with {@code position} (1 = next to get a place). */
record AgendaView(String sessionId, AgendaStatus status, Integer position, SessionView session) {
}
