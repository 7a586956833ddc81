package ml.sdn.registration.organizations;

/**
 * The fixed list of sectors an organisation works in. The 2026 edition's theme (e-government, artificial
 * intelligence, culture) comes first; labels in French and English are in the organizations message bundle
 * ({@code organization.sector.<CODE>}) and served by {@code GET …/organizations/sectors}.
 */
public enum Sector {
    E_GOVERNMENT,
    ARTIFICIAL_INTELLIGENCE,
    CULTURE,
    AGRICULTURE,
    COMMERCE,
    CYBERSECURITY,
    EDUCATION,
    ENERGY,
    ENVIRONMENT,
    FINTECH,
    HEALTH,
    TELECOMMUNICATIONS,
    TRANSPORT,
    OTHER
}
