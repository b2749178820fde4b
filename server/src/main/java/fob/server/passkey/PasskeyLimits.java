package fob.server.passkey;

import fob.server.session.RateLimiter;

/**
 * The limits on passkey ceremonies: requests per client address (sign-in and registration), sign-ins and
 * passkey changes per account (taken only after a signature verifies), and new recovery accounts per address.
 */
public record PasskeyLimits(RateLimiter perAddress, RateLimiter perAccount, RateLimiter newAccounts) {
}
