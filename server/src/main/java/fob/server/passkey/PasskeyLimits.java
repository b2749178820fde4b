package fob.server.passkey;

import fob.server.session.RateLimiter;

/**
 * The limits on passkey ceremonies: requests per client address (sign-in and registration), sign-ins and
 * passkey changes per account (taken only after a signature verifies), and new recovery accounts per address and
 * on the whole server ({@code signups}, one bucket for every address).
 */
public record PasskeyLimits(RateLimiter perAddress, RateLimiter perAccount, RateLimiter newAccounts,
        RateLimiter signups) {
    /** The key of the one bucket {@link #signups} counts in. */
    public static final String EVERYONE = "all";

}
