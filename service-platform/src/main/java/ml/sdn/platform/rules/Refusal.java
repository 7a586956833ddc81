package ml.sdn.platform.rules;

/**
 * Why a rule refuses, in the domain's words. The platform's {@code ProblemDetailsAdvice} alone turns it into
 * an HTTP status (one place), so that a rule never chooses a status code.
 */
public enum Refusal {
    /** A value the caller sent is wrong (400). */
    INVALID,
    /** The caller may not do this (403). */
    NOT_ALLOWED,
    /** What the caller names does not exist, or is not theirs to see (404). */
    NOT_FOUND,
    /** The current state does not allow it: a duplicate, a phase closed, a change made meanwhile (409). */
    CONFLICT,
    /** It existed and is gone for good: an invitation revoked or expired (410). */
    GONE,
    /** What the caller sent is larger than the rule allows (413). */
    TOO_LARGE,
    /** Well formed, but cannot be used as it is (422). */
    UNUSABLE,
    /** Something the rule needs is away for now; the same request may succeed later (503). */
    UNAVAILABLE
}
