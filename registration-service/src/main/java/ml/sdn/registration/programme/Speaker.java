package ml.sdn.registration.programme;

/** Who speaks at a session, as the programme prints it. */
record Speaker(String name, String organization) {
}
