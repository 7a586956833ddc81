package ml.sdn.registration.attendance;

/**
 * A person who arrived without registration, registered and let in at a door while the network is there (the
 * door's page without its script): the id the page gave the form (the same form sent twice is one person), the door,
 * and the details, checked like any walk-in's with every fault at once.
 */
public record DoorWalkInRequest(@CheckInId String clientId, @Door String door, String name, String category,
                                String country, String organization, String phone, String email) {
}
