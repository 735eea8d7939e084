package ciment.core.reply;

/** One line of help: a command's form ("join &lt;slug&gt;") and what it does. */
public record Usage(String form, String meaning) {
}
