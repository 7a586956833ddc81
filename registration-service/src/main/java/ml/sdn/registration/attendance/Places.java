package ml.sdn.registration.attendance;

/**
 * The places of one day as shown: {@code confirmed} counts the places taken (confirmed attendees and
 * places being handed over). A place can be taken while {@code confirmed < capacity} (checked by the
 * store itself, in the same update that takes it: see DayLedger#reserve). The capacity may be
 * lowered below the confirmed count: nobody loses their place, and nobody new is confirmed until
 * enough people cancel to bring the day back under its capacity.
 */
record Places(int capacity, int confirmed) {

    int left() {
        return Math.max(0, capacity - confirmed);
    }

    /** How many more people hold a place than the capacity now allows (after the capacity was lowered). */
    int overbooked() {
        return Math.max(0, confirmed - capacity);
    }
}
