package ml.sdn.registration.organizations;

import ml.sdn.registration.participants.SearchKey;

/**
 * The form of an organisation's name under which two names are "the same" in a country: the service's one
 * normalisation of names, {@link SearchKey} (compatibility decomposition, lower case, accents and invisible
 * characters dropped, œ/æ/ß spelt out, white space collapsed). « Société  Générale », « societe generale »,
 * « Acme » with a zero-width space and full-width « Ａｃｍｅ » share a key with their plain spelling. A unique
 * index on (country, key) refuses the second one, even when both arrive at once.
 */
final class NameKey {

    private NameKey() {
    }

    static String of(String name) {
        return SearchKey.of(name);
    }
}
