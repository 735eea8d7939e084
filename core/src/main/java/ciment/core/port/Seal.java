package ciment.core.port;

import java.util.Optional;

/**
 * Seals short texts (a feed's "more:" cursor) so that they come back unaltered: a sealed text is opaque
 * and carries a keyed signature. Implemented outside core, where the key and the cryptography are.
 */
public interface Seal {

    /** The text, sealed: letters, digits, '-' and '_' only, so that it travels in words and buttons. */
    String seal(String text);

    /** The text a seal was made of; empty when it was altered or was not made with this key. */
    Optional<String> open(String sealed);
}
