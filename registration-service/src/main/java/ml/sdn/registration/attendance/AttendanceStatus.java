package ml.sdn.registration.attendance;

/** Where a person stands for one day. */
public enum AttendanceStatus {
    /** Has a place (and so a badge). */
    CONFIRMED,
    /** On the day's waiting list, promoted automatically in order when a place frees. */
    WAITING,
    /** Gave up the place or left the list (or was erased); registering again reuses the document. */
    CANCELLED
}
