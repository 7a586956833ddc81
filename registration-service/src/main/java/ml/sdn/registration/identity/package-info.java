/**
 * The person's account in Keycloak: its {@code country} attribute follows an organizer's move, so that
 * tokens (and {@code whoami}) tell the delegation the registration profile holds. Through Keycloak's admin
 * API with the realm's confidential client {@code sdn-registration} (service account, {@code manage-users}).
 */
package ml.sdn.registration.identity;
