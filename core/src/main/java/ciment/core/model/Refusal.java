package ciment.core.model;

/**
 * A request that cannot be done. Its message is one sentence for the person who asked: why, and
 * what to do instead. Nothing has been written when it is thrown.
 */
public final class Refusal extends RuntimeException {
    public Refusal(String sentence) {
        super(sentence, null, false, false);
    }

    public String sentence() {
        return getMessage();
    }
}
