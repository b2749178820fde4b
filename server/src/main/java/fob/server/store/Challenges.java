package fob.server.store;

import java.util.Optional;

/** The WebAuthn challenges handed out with ceremony options, each taken back once. */
public interface Challenges {
    void saveChallenge(Challenge challenge);

    /**
     * Removes and returns the challenge if it exists, is for {@code purpose}, was handed to the browser with
     * this {@code binding}, and has not expired.
     */
    Optional<Challenge> consumeChallenge(byte[] value, Challenge.Purpose purpose, byte[] binding, long now);
}
